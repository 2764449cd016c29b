# nianbao — see README.md. Every target works offline once `go mod download` has run.
GO      ?= go
BIN     ?= bin/nianbao
PYTHON  ?= /usr/bin/python3

.PHONY: all build demo test vet fuzz bench schema fonts echarts clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/nianbao

## demo: check the bundled example data, compare years, roll the region up,
## build every report (PDF, HTML, XLSX) and the static site into out/, then
## the office's reports and site again with the demo templates folder
## data/shili-templates (its own page shell, colours and site.yaml).
demo: build
	$(BIN) check data/
	$(BIN) compare data/shili-office/2023.yaml data/shili-office/2024.yaml
	$(BIN) merge --manifest data/shili-region/2024.manifest -o out/shili-region/2024.yaml
	$(BIN) workplan import report/xlsx/testdata/shenyang-2022.xlsx -o out/shenyang-2022-work-plan.yaml
	$(BIN) build data/shili-office out/shili-region/2024.yaml -o out/reports
	$(BIN) site data/ out/shili-region -o out/site
	$(BIN) build data/shili-office -o out/reports-shili-templates --templates data/shili-templates
	$(BIN) site data/ out/shili-region -o out/site-shili-templates --templates data/shili-templates
	@echo "示例输出：out/reports/（PDF、网页、Excel），out/site/index.html（静态网站）；用示例模板目录 data/shili-templates 生成的：out/reports-shili-templates/，out/site-shili-templates/index.html"

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
FUZZ_TARGETS = ./report/datafile:FuzzLoad:150000 ./report/pdf:FuzzLineBreak:40000 ./report/xlsx:FuzzImport:150000 \
               ./report/xlsx:FuzzParseTaskTable:200000 ./report/xlsx:FuzzImportTaskTable:300000 ./report/pdf:FuzzParseFont:150000
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; rest=$${t#*:}; fn=$${rest%%:*}; n=$$(( $${rest##*:} * $(FUZZMUL) )); \
	  echo "fuzz $$fn ($$pkg, $${n}x)"; \
	  $(GO) test -list="^$$fn\$$" $$pkg | grep -qx "$$fn" || { echo "no fuzz target $$fn in $$pkg"; exit 1; }; \
	  $(GO) test -run='^$$' -fuzz="^$$fn\$$" -fuzztime=$${n}x $$pkg; \
	done

## bench: the figures the issues name (load+check per file, …).
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

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
