#!/bin/bash
# qmllint over every QML file of the app's module Sosoik (the copies qt_add_qml_module puts in
# <build>/qml/Sosoik, beside its qmldir and qmltypes, so `import Sosoik` and the C++ singletons resolve).
# Issue #14: qmllint clean. Any warning fails; a false positive of Qt 6.4's qmllint is silenced on its
# line only (`// qmllint disable <category>`, with the reason; docs/ARCHITECTURE.md lists them).
# Skips (77) without qmllint.
set -u
qml_root=$(realpath "$1")
qmllint=${QMLLINT:-/usr/lib/qt6/bin/qmllint}
[ -x "$qmllint" ] || { echo "SKIP: no qmllint at $qmllint"; exit 77; }
# Without QtQml's type descriptions every Timer, Connections and Binding is "not found".
qt_qml=$("$(dirname "$qmllint")/qtpaths6" --query QT_INSTALL_QML 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/qml)
[ -f "$qt_qml/QtQml/plugins.qmltypes" ] ||
    { echo "FAIL: $qt_qml/QtQml/plugins.qmltypes is missing: install qml6-module-qtqml (installer/bootstrap.sh)"; exit 1; }
cd "$qml_root/Sosoik" || { echo "no module at $qml_root/Sosoik"; exit 1; }
mapfile -t files < <(find . -name '*.qml' | sed 's|^\./||' | sort)
[ ${#files[@]} -gt 20 ] || { echo "only ${#files[@]} QML files found"; exit 1; }
out=$("$qmllint" -I "$qml_root" "${files[@]}" 2>&1)
status=$?
echo "$out"
warnings=$(grep -c '^Warning: ' <<<"$out")
echo "${#files[@]} files, $warnings qmllint warnings, qmllint exit status $status"
[ "$warnings" -eq 0 ] && [ "$status" -eq 0 ]
