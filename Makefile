# nianbao — see README.md. Every target works offline once `go mod download` has run.
GO      ?= go
BIN     ?= bin/nianbao
PYTHON  ?= /usr/bin/python3

.PHONY: all build demo test vet fuzz bench schema fonts echarts clean

all: build

build:
	$(GO) build -trimpath -ldflags='-s -w' -o $(BIN) ./cmd/nianbao

## demo: check the bundled example data, compare years, roll the region up
## (and show a roll-up with a unit missing refused, then accepted with
## --allow-missing), build every report (PDF, HTML, Word, XLSX) and the static
## site into out/, then the office's reports and site again with the demo
## templates folder data/shili-templates (its own page shell, colours,
## site.yaml and a PDF 版头 in layout.yaml).
## Its outputs in out/ are its own: --force lets a second run replace them.
demo: build
	$(BIN) check data/
	$(BIN) compare data/shili-office/2023.yaml data/shili-office/2024.yaml
	$(BIN) merge --manifest data/shili-region/2024.manifest -o out/shili-region/2024.yaml --force
	@echo "—— 有单位未报送时，汇总被拒绝（错误 M-1）："
	! $(BIN) merge --manifest data/shili-region/2024-partial.manifest -o out/shili-region-partial/2024.yaml --force
	@echo "—— 加 --allow-missing 汇总其余单位（警告 M-1），报告附“汇总单位情况”列明未报送的单位："
	$(BIN) merge --manifest data/shili-region/2024-partial.manifest -o out/shili-region-partial/2024.yaml --force --allow-missing
	$(BIN) workplan import report/xlsx/testdata/shenyang-2022.xlsx -o out/shenyang-2022-work-plan.yaml --force
	$(BIN) build data/shili-office out/shili-region/2024.yaml -o out/reports
	$(BIN) build out/shili-region-partial/2024.yaml -o out/reports/shili-region-partial
	@grep -o '附：汇总单位情况' out/reports/shili-region-partial/2024.html | head -1
	$(BIN) site data/ out/shili-region -o out/site
	$(BIN) build data/shili-office -o out/reports-shili-templates --templates data/shili-templates
	$(BIN) site data/ out/shili-region -o out/site-shili-templates --templates data/shili-templates
	@echo "示例输出：out/reports/（PDF、网页、Word、Excel），out/site/index.html（静态网站）；用示例模板目录 data/shili-templates 生成的：out/reports-shili-templates/，out/site-shili-templates/index.html"

## test: vet, every unit/golden/CLI test, and a short run of each fuzz target.
test: vet
	$(GO) test -count=1 ./...
	$(MAKE) fuzz FUZZMUL=1

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd report templates)" || (echo "gofmt needed:"; gofmt -l cmd report templates; exit 1)

## fuzz: every parser's fuzz target, one after the other, each with a budget
## counted in executions (-fuzztime=Nx), never in seconds: duration budgets
## race Go 1.26's fuzz coordinator on a busy machine (golang/go#75804) and
## fail without a crasher. N is sized to about 10 s per target on a 2-core
## machine; `make test` runs that (FUZZMUL=1), `make fuzz` runs 10 times as
## many (FUZZMUL=10) for a longer search.
FUZZMUL ?= 10
# A count budget has no time limit of its own: go test's default -timeout
# (10m) would end a long `make fuzz` run in the middle of a target.
FUZZTIMEOUT ?= 2h
FUZZ_TARGETS = ./report/datafile:FuzzLoad:150000 ./report/pdf:FuzzLineBreak:40000 ./report/xlsx:FuzzImport:150000 \
               ./report/tasktable:FuzzParse:100000 ./report/xlsx:FuzzSheets:300000 ./report/tasktable:FuzzRead:120000 \
               ./report/pdf:FuzzParseFont:150000 ./report:FuzzParseDeadline:100000 \
               ./report/pdf:FuzzLoadLayout:100000 \
               ./report/docx:FuzzTemplate:800 \
               ./report/ingest:FuzzHTML:500 ./report/ingest:FuzzDOCX:10000 ./report/ingest:FuzzDOCXBody:20000 ./report/ingest:FuzzTables:50000 ./report/ingest:FuzzPDFWords:50000
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; rest=$${t#*:}; fn=$${rest%%:*}; n=$$(( $${rest##*:} * $(FUZZMUL) )); \
	  echo "fuzz $$fn ($$pkg, $${n}x)"; \
	  $(GO) test -list="^$$fn\$$" $$pkg | grep -qx "$$fn" || { echo "no fuzz target $$fn in $$pkg"; exit 1; }; \
	  $(GO) test -run='^$$' -fuzz="^$$fn\$$" -fuzztime=$${n}x -timeout=$(FUZZTIMEOUT) $$pkg; \
	done

## bench: the figures the issues name (load+check per file, one PDF, one
## Word document (report/docx: at most 20 ms a report), …), then whole
## processes as a user runs them (scripts/bench.sh: medians of wall, CPU and
## peak memory of build per format, 100 and 1,000 organs, a 100×6 site fresh
## and unchanged) and nianbao against headless Chromium (scripts/vs-chromium.sh).
## Benchmarks, not tests: on a busy machine the figures are noisy.
bench: build
	$(GO) test -run='^$$' -bench=. -benchmem ./...
	bash scripts/bench.sh $(BIN)
	ROUNDS=5 bash scripts/vs-chromium.sh $(BIN)

## schema: regenerate the committed JSON Schema of the data files.
schema:
	$(GO) run ./cmd/nianbao schema -o data/nianbao.schema.json

## fonts: regenerate the embedded PDF fonts from Debian's Noto Serif CJK (needs root for apt-get).
fonts:
	apt-get update && apt-get install -y fonttools python3-fonttools fonts-noto-cjk
	$(PYTHON) scripts/mkfonts.py templates/fonts

## echarts: re-vendor ECharts from npm.
echarts:
	bash scripts/vendor-echarts.sh templates/assets

clean:
	rm -rf bin out
