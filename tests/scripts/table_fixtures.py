"""One 40-person organisation (Acme Ltd), written as tables by real programs: Python's csv module (comma;
semicolon with BOM and CRLF; tab; UTF-16 "Unicode text"), openpyxl and XlsxWriter. Not our code: the reader
under test must cope with what these programs write.

Run as a script to (re)write data/examples/acme-staff.csv: python3 tests/scripts/table_fixtures.py
"""
import csv
import datetime
import io
import os
import sys

HEADER = ["Employee ID", "First Name", "Last Name", "Job Title", "Department", "Reports To", "Email",
          "Hire Date", "Assistant", "Dotted Line Manager", "Office"]

# (id, first, last, title, department, reports_to, hire_date, assistant, dotted_line, office)
# Row 5 reports to its manager by name; row 12's last name holds a comma and a line break (quoted in CSV);
# several names are not ASCII.
PEOPLE = [
    (1001, "Maria", "Okafor", "Chief Executive Officer", "Executive", "", (2012, 3, 1), False, "", "London"),
    (1002, "Tomás", "Ferreira", "Executive Assistant", "Executive", 1001, (2015, 6, 15), True, "", "London"),
    (1003, "Ingrid", "Sørensen", "Chief Financial Officer", "Finance", 1001, (2013, 1, 7), False, "", "London"),
    (1004, "Rahul", "Mehta", "Chief Technology Officer", "Engineering", 1001, (2014, 9, 1), False, "", "Berlin"),
    (1005, "Chloé", "Durand", "Chief Operating Officer", "Operations", "Maria Okafor", (2016, 2, 29), False, "", "Paris"),
    (1006, "Kenji", "Watanabe", "VP Sales", "Sales", 1001, (2017, 4, 3), False, "", "Tokyo"),
    (1007, "Aisha", "Bello", "Controller", "Finance", 1003, (2018, 5, 21), False, "", "London"),
    (1008, "Liam", "O'Brien", "Senior Accountant", "Finance", 1007, (2019, 8, 12), False, "", "Dublin"),
    (1009, "Zoë", "Kowalski", "Accountant", "Finance", 1007, (2020, 1, 6), False, "", "London"),
    (1010, "Björn", "Lindqvist", "Treasury Manager", "Finance", 1003, (2017, 11, 13), False, "", "Stockholm"),
    (1011, "Priya", "Nair", "Financial Analyst", "Finance", 1010, (2021, 3, 15), False, "1006", "London"),
    (1012, "Jean-Luc", "Picard, Jr.\nPhD", "Head of Platform", "Engineering", 1004, (2015, 10, 5), False, "", "Berlin"),
    (1013, "Wei", "王", "Staff Engineer", "Engineering", 1012, (2016, 7, 18), False, "", "Berlin"),
    (1014, "Olga", "Ivanova", "Senior Engineer", "Engineering", 1012, (2018, 2, 26), False, "", "Berlin"),
    (1015, "Diego", "Hernández", "Engineer", "Engineering", 1012, (2022, 9, 1), False, "", "Madrid"),
    (1016, "Fatima", "Zahra", "Head of Data", "Engineering", 1004, (2016, 12, 1), False, "1003", "Berlin"),
    (1017, "Noah", "Schmidt", "Data Scientist", "Engineering", 1016, (2020, 6, 8), False, "", "Berlin"),
    (1018, "Emma", "Rossi", "Data Engineer", "Engineering", 1016, (2021, 11, 22), False, "", "Milan"),
    (1019, "Yusuf", "Demir", "Head of Security", "Engineering", 1004, (2017, 3, 13), False, "", "Berlin"),
    (1020, "Sofia", "Andersson", "Security Engineer", "Engineering", 1019, (2019, 4, 1), False, "", "Stockholm"),
    (1021, "Hana", "Novák", "Engineering Assistant", "Engineering", 1004, (2020, 2, 3), True, "", "Berlin"),
    (1022, "Carlos", "Silva", "Head of Logistics", "Operations", 1005, (2016, 8, 15), False, "", "Lisbon"),
    (1023, "Amara", "Nwosu", "Warehouse Manager", "Operations", 1022, (2018, 10, 1), False, "", "Lagos"),
    (1024, "Pieter", "de Vries", "Fleet Coordinator", "Operations", 1022, (2019, 5, 6), False, "", "Rotterdam"),
    (1025, "Mei", "Chen", "Head of Facilities", "Operations", 1005, (2017, 1, 9), False, "", "Paris"),
    (1026, "Ahmed", "Hassan", "Facilities Coordinator", "Operations", 1025, (2021, 7, 19), False, "", "Cairo"),
    (1027, "Élodie", "Martin", "Head of People", "Operations", 1005, (2015, 4, 20), False, "1001", "Paris"),
    (1028, "Jonas", "Berg", "Recruiter", "Operations", 1027, (2022, 1, 10), False, "", "Oslo"),
    (1029, "Lucía", "García", "HR Business Partner", "Operations", 1027, (2020, 9, 14), False, "", "Madrid"),
    (1030, "Sipho", "Dlamini", "Regional Sales Director EMEA", "Sales", 1006, (2018, 3, 5), False, "", "Johannesburg"),
    (1031, "Anna", "Müller", "Account Executive", "Sales", 1030, (2019, 11, 4), False, "", "Munich"),
    (1032, "Giorgos", "Papadopoulos", "Account Executive", "Sales", 1030, (2021, 5, 17), False, "", "Athens"),
    (1033, "Yuki", "Tanaka", "Regional Sales Director APAC", "Sales", 1006, (2017, 12, 4), False, "", "Tokyo"),
    (1034, "Min-jun", "Kim", "Account Executive", "Sales", 1033, (2020, 8, 24), False, "", "Seoul"),
    (1035, "Arjun", "Singh", "Account Executive", "Sales", 1033, (2022, 3, 28), False, "", "Singapore"),
    (1036, "Sarah", "Cohen", "Sales Operations Analyst", "Sales", 1006, (2021, 10, 11), False, "1003;1005", "Tel Aviv"),
    (1037, "Kwame", "Mensah", "Sales Assistant", "Sales", 1006, (2022, 6, 6), True, "", "Accra"),
    (1038, "Isabella", "Costa", "Customer Success Manager", "Sales", 1006, (2019, 2, 18), False, "", "São Paulo"),
    (1039, "Nikolai", "Petrov", "Support Engineer", "Sales", 1038, (2020, 4, 27), False, "1004", "Sofia"),
    (1040, "Leila", "Ahmadi", "Support Engineer", "Sales", 1038, (2023, 1, 16), False, "", "Vienna"),
]


def email(first, last):
    ascii_last = "".join(c for c in last.split(",")[0].lower() if c.isascii() and c.isalpha()) or "x"
    ascii_first = "".join(c for c in first.lower() if c.isascii() and c.isalpha()) or "x"
    return f"{ascii_first}.{ascii_last}@acme.example"


def text_rows():
    """The rows as a CSV file holds them: everything text, dates in ISO form, booleans as yes/no."""
    rows = [HEADER]
    for (i, first, last, title, dept, boss, hired, assistant, dotted, office) in PEOPLE:
        rows.append([str(i), first, last, title, dept, str(boss), email(first, last),
                     datetime.date(*hired).isoformat(), "yes" if assistant else "no", dotted, office])
    return rows


def typed_rows():
    """The rows as a spreadsheet holds them: ids and managers as numbers, dates as dates, booleans."""
    rows = [HEADER]
    for (i, first, last, title, dept, boss, hired, assistant, dotted, office) in PEOPLE:
        rows.append([i, first, last, title, dept, boss if boss != "" else None, email(first, last),
                     datetime.date(*hired), assistant, dotted or None, office])
    return rows


def write_csv(path, delimiter=",", encoding="utf-8", newline="\n"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator=newline)
        w.writerows(text_rows())


def write_openpyxl(path, date1904=False):
    import openpyxl
    wb = openpyxl.Workbook()
    if date1904:  # the Mac epoch: serial 0 is 1904-01-01
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Staff"
    for row in typed_rows():
        ws.append(row)
    for cell in ws["H"][1:]:
        cell.number_format = "yyyy-mm-dd"
    wb.create_sheet("Notes").append(["not", "this", "sheet"])
    wb.save(path)


def write_xlsxwriter(path, date1904=False):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"date_1904": date1904})
    ws = wb.add_worksheet("Staff")
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(typed_rows()):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, datetime.date):
                ws.write_datetime(r, c, datetime.datetime(v.year, v.month, v.day), date_format)
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v)
            elif isinstance(v, int):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, v)
    wb.close()


def write_all(directory):
    """Every variant, each in a folder of its own under the same stem, so the source each cites is the same."""
    variants = {
        "comma/acme-staff.csv": lambda p: write_csv(p),
        "semicolon-bom-crlf/acme-staff.csv": lambda p: write_csv(p, ";", "utf-8-sig", "\r\n"),
        "tab/acme-staff.tsv": lambda p: write_csv(p, "\t"),
        "utf16/acme-staff.txt": lambda p: write_csv(p, "\t", "utf-16", "\r\n"),
        "openpyxl/acme-staff.xlsx": write_openpyxl,
        "xlsxwriter/acme-staff.xlsx": write_xlsxwriter,
        "openpyxl-1904/acme-staff.xlsx": lambda p: write_openpyxl(p, True),
        "xlsxwriter-1904/acme-staff.xlsx": lambda p: write_xlsxwriter(p, True),
    }
    paths = []
    for rel, writer in variants.items():
        p = os.path.join(directory, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        writer(p)
        paths.append(p)
    return paths


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    write_csv(os.path.join(root, "data", "examples", "acme-staff.csv"))
    sys.exit(0)
