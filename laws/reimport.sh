#!/usr/bin/env bash
# Re-import every bundled law from the corpus, with the options its provenance records.
#   laws/reimport.sh [CORPUS [OUT]]   (defaults: ../shared/corpus next to the checkout, and laws/)
# A slow test runs it into a temporary folder and checks that the result is byte-identical to the
# committed laws: the importer and the laws never drift apart.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$(cd "${1:-$ROOT/../shared/corpus}" && pwd)
OUT=$(mkdir -p "${2:-$ROOT/laws}" && cd "${2:-$ROOT/laws}" && pwd)
PYTHON=${PYTHON:-python3}
LAWPATCH=${LAWPATCH:-$PYTHON -m lawpatch}

# the provenance note kept in each committed file (kg:source/@note)
note() { $PYTHON -c "import sys; from lawpatch.law import Law; print(Law.load(sys.argv[1]).source_info.get('note') or '')" "$ROOT/laws/$1"; }

run() {
  local law=$1; shift
  local n; n=$(note "$law")
  mkdir -p "$(dirname "$OUT/$law")"
  (cd "$CORPUS" && $LAWPATCH import "$@" -o "$OUT/$law" ${n:+--source-note "$n"} -q)
}

run road-traffic/rus.xml law-road-traffic-1998-95.ru.txt \
    --title "О дорожном движении в Кыргызской Республике" --date 1998-04-29 --number 95
run labour-code/rus.xml labour-code-2004-106.ru.txt
run labour-code/kir.xml orig/labour-code-2004-106.ky.docx
run constitution/rus.xml orig/constitution-2021.ru.pdf
run constitution/kir.xml orig/constitution-2021.ky.docx
run external-migration/rus.xml law-external-migration-2000-61.ru.txt \
    --title "О внешней миграции" --date 2000-07-17 --number 61 \
    --publication "Ведомости Жогорку Кенеша Кыргызской Республики, 2000 г., № 7, ст. 371"
run external-labour-migration/rus.xml law-external-labour-migration-2006-4.ru.txt \
    --title "О внешней трудовой миграции" --date 2006-01-13 --number 4
run legal-status-foreign-citizens/rus.xml law-legal-status-foreign-citizens-1993-1296-XII.ru.txt \
    --title "О правовом положении иностранных граждан в Кыргызской Республике" --date 1993-12-14 --number 1296-XII
run citizenship/rus.xml law-citizenship-2007-70.ru.txt \
    --title "О гражданстве Кыргызской Республики" --date 2007-05-21 --number 70
run tax-code/rus.xml tax-code-2022-3.ru.txt
run tax-code/kir.xml orig/tax-code-2022-3.ky.docx
