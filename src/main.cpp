#include <iostream>

#include "orgchart/cli/app.hpp"

int main(int argc, char** argv) { return orgchart::run_cli(argc, argv, std::cout, std::cerr); }
