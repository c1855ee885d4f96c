# Two commands do all the set-up on a fresh Debian 12 machine (as root):
#   make run    installs missing packages, builds, and writes the ILD charts to out/
#   make test   the same set-up, then the whole test suite through ctest
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ORGCHART = $(BUILD)/orgchart

.PHONY: all deps configure build run test bench clean

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	bash scripts/export-all.sh $(ORGCHART)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: configure
	cmake --build $(BUILD) --target orgchart_bench -j $(JOBS)
	$(BUILD)/orgchart_bench

clean:
	rm -rf $(BUILD)
