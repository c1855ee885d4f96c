"""The lower bound on pages of README "How many pages", computed again from the cards as drawn (independently of
src/layout/page_bound.cpp): the area bound, and the lines bound (along every horizontal line of a page the grown
cards it crosses are at most the grown room wide: the fractional cutting-stock LP over those lines, solved by the
revised simplex with knapsack column generation and certified by an exact knapsack), each with a header and a stub
per page whose first unit is not a root."""
import math

def knapsack(width, value, cap, want=False):
    best = [0.0] * (cap + 1)
    choice = [-1] * (cap + 1)
    items = [(w, v, i) for i, (w, v) in enumerate(zip(width, value)) if v > 0]
    for x in range(1, cap + 1):
        b, c = best[x - 1], -1
        for w, v, i in items:
            if w <= x:
                t = best[x - w] + v
                if t > b + 1e-15:
                    b, c = t, i
        best[x], choice[x] = b, c
    if not want:
        return best[cap]
    counts = [0] * len(width)
    x = cap
    while x > 0:
        if choice[x] < 0:
            x -= 1
        else:
            counts[choice[x]] += 1
            x -= width[choice[x]]
    return best[cap], counts


def line_weights(width, demand, cap):
    m = len(width)
    inv = [[0.0] * m for _ in range(m)]
    x = [0.0] * m
    cost = [1.0] * m
    for i in range(m):
        copies = cap // width[i]
        inv[i][i] = 1.0 / copies
        x[i] = demand[i] / copies
    def duals():
        return [sum(cost[i] * inv[i][j] for i in range(m)) for j in range(m)]
    for _ in range(20 * m + 100):
        y = duals()
        neg = next((j for j in range(m) if y[j] < -1e-9), None)
        if neg is not None:
            col = [0.0] * m
            col[neg] = -1.0
            ecost = 0.0
        else:
            val, counts = knapsack(width, y, cap, True)
            if val <= 1 + 1e-9:
                break
            col = [float(c) for c in counts]
            ecost = 1.0
        u = [sum(inv[i][j] * col[j] for j in range(m) if col[j]) for i in range(m)]
        r, theta = None, 0.0
        for i in range(m):
            if u[i] > 1e-9 and (r is None or x[i] / u[i] < theta - 1e-12):
                r, theta = i, x[i] / u[i]
        if r is None:
            break
        for i in range(m):
            x[i] -= theta * u[i]
        x[r] = theta
        piv = u[r]
        inv[r] = [v / piv for v in inv[r]]
        rowr = inv[r]
        for i in range(m):
            if i != r and u[i] != 0:
                f = u[i]
                inv[i] = [a - f * b for a, b in zip(inv[i], rowr)]
        cost[r] = ecost
    return [max(v, 0.0) for v in duals()]


def lines_bound(cards, cap_along, cap_other, along, other, roots, extra, pages_guess):
    """Along every line one way the grown cards it crosses are no longer together than the grown room."""
    unit = 1.0
    while True:
        classes = {}
        for c in cards:
            if along(c) > cap_along:
                continue
            k = max(int(math.floor(along(c) / unit)), 1)
            classes[k] = classes.get(k, 0.0) + other(c) / cap_other
        if len(classes) <= 96:
            break
        unit *= 2
    cap = int(math.floor(cap_along / unit))
    if cap < 1 or not classes:
        return 0.0
    width = sorted(classes)
    demand = [classes[k] for k in width]
    width.append(max(int(math.floor(along(extra) / unit)), 1))
    demand.append(2 * max(pages_guess - roots, 0) * other(extra) / cap_other)
    y = line_weights(width, demand, cap)
    most = knapsack(width, y, cap)
    if most <= 1e-9:
        return 0.0
    s = sum(y[i] * demand[i] for i in range(len(width) - 1))
    t = y[-1] * 2 * other(extra) / cap_other
    return max(s / most, (s - roots * t) / (most - t)) if most > t + 1e-9 else s / most


def page_bound(cards, room_w, room_h, gap=(12, 6), roots=1, extra=(54, 20)):
    """(area, lines across, lines down, pages): no drawing of `cards` (w, h) in our conventions takes fewer pages.
    `extra`: the smallest header or stub, one line of 12-pt text with 4-pt margins, as wide as Graphviz's default node."""
    cap_w, cap_h = room_w + gap[0], room_h + gap[1]
    ew, eh = extra[0] + gap[0], extra[1] + gap[1]
    area = sum((w + gap[0]) * (h + gap[1]) for w, h in cards)
    room, e = cap_w * cap_h, 2 * ew * eh
    area_b = max(area / room, (area - roots * e) / (room - e))
    guess = math.ceil(area_b)
    lines = lines_bound(cards, cap_w, cap_h, lambda c: c[0] + gap[0], lambda c: c[1] + gap[1], roots, extra, guess)
    columns = lines_bound(cards, cap_h, cap_w, lambda c: c[1] + gap[1], lambda c: c[0] + gap[0], roots, extra, guess)
    return area_b, lines, columns, max(1, math.ceil(max(area_b, lines, columns) - 1e-9))
