# Two commands do all the set-up on a fresh Debian 12 machine (as root):
#   make run    installs missing packages, builds, and writes the ILD charts to out/
#   make test   the same set-up, then the whole test suite through ctest, twice: in build/, then again in
#               build-asan/ under AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the test)
BUILD ?= build
SAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ORGCHART = $(BUILD)/orgchart

.PHONY: all deps configure build run test test-asan configure-asan build-asan bench clean

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	bash scripts/export-all.sh $(ORGCHART)

test: build build-asan
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# The sanitizer tree: -O1 with assertions on keeps it fast enough to run every test (README "Safety").
configure-asan: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DORGCHART_SANITIZE=ON

build-asan: configure-asan
	cmake --build $(SAN_BUILD) -j $(JOBS)

test-asan: build-asan
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

bench: configure
	cmake --build $(BUILD) --target orgchart_bench -j $(JOBS)
	$(BUILD)/orgchart_bench

clean:
	rm -rf $(BUILD) $(SAN_BUILD)

# libFuzzer harnesses (fuzz/): their own clang build with ASan and UBSan, each run for FUZZ_SECONDS.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g
.PHONY: fuzz
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORGCHART_FUZZ=ON \
	  -DORGCHART_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS="$(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link"
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_yaml fuzz_graphml fuzz_input
	bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# Issue 11: every stage at 1k..1M units beside igraph, NetworkX, neato -n2 and dd (bench/scale/bench_scale.py).
# A quick run: make bench-scale SCALE_SIZES=1k,10k. Not a test: it takes tens of minutes at 1M.
SCALE_SIZES ?= 1k,10k,100k,1M
.PHONY: bench-scale
bench-scale: build
	python3 bench/scale/bench_scale.py --binary $(ORGCHART) --sizes $(SCALE_SIZES)
