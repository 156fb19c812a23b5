#!/bin/sh
# Re-create the captured binutils output the unit tests read (gcc 12.2, binutils 2.40, x86-64):
#   sh test/object/captures/capture.sh
# Each <case>/<version>.{readelf,contents,insns,dwarf}.txt is what src/object/build.ts runs on the object.
set -e
cd "$(dirname "$0")"
for c in pair:-O2 cold:-O2 ra:-O2 trace:"-O2 -pg -mfentry"; do
  dir=${c%%:*}; flags=${c#*:}
  for v in old new; do
    o=$(mktemp --suffix=.o)
    # shellcheck disable=SC2086
    gcc $flags -g -ffunction-sections -fdata-sections -c "$dir/$v.c" -o "$o"
    LC_ALL=C readelf -SsrW "$o" | sed "s|$o|$v.o|g" > "$dir/$v.readelf.txt"
    # allocated PROGBITS sections (flags with A; X too for code), as build.ts picks them
    secs=$(LC_ALL=C readelf -SW "$o" | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '$2 == "PROGBITS" && $7 ~ /A/ && $5 != "000000" {print "-j", $1}')
    text=$(LC_ALL=C readelf -SW "$o" | sed -n 's/^ *\[ *[0-9]*\] //p' | awk '$2 == "PROGBITS" && $7 ~ /X/ && $5 != "000000" {print "-j", $1}')
    # shellcheck disable=SC2086
    LC_ALL=C objdump -s $secs "$o" | sed "s|$o|$v.o|g" > "$dir/$v.contents.txt"
    # shellcheck disable=SC2086
    LC_ALL=C objdump -d -z -w --insn-width=16 $text "$o" | sed "s|$o|$v.o|g" > "$dir/$v.insns.txt"
    LC_ALL=C readelf --debug-dump=info "$o" | sed "s|$o|$v.o|g" > "$dir/$v.dwarf.txt"
    rm -f "$o"
  done
done
