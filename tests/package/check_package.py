#!/usr/bin/env python3
"""Checks a .deb's Depends against what its binaries load, on the machine that built it.

Needed packages are derived, not listed: the package of every library the ELF binaries link
(readelf NEEDED, resolved through ldd), of every QML module the app's QML imports, followed
through each module's own qmldir dependencies and QML imports (QtQuick.Dialogs' non-native dialogs
import Qt.labs.folderlistmodel), and of the Qt plugins the app loads without linking them (the SQLite
driver, the SVG icon engine). Each must be a Depends of the .deb, or be depended on (directly) by
one. Usage: check_package.py PACKAGE.deb APP_QML_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

QML_ROOT = "/usr/lib/x86_64-linux-gnu/qt6/qml"
PLUGINS = ["sqldrivers/libqsqlite.so", "iconengines/libqsvgicon.so", "imageformats/libqsvg.so",
           "platforms/libqxcb.so", "platforms/libqoffscreen.so"]
IMPORT = re.compile(r"^\s*import\s+([A-Za-z][\w.]*)", re.M)


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def owner(path):
    out = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True).stdout
    if not out:
        out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True).stdout
    return out.split(":")[0].strip() if out else None


def linked_libraries(binary):
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", run("readelf", "-d", binary))
    lines = run("ldd", binary)
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", lines, re.M))
    for loader in re.findall(r"^\s*(/\S+ld-linux\S*)", lines, re.M):  # listed without "=>"
        paths[os.path.basename(loader)] = loader
    return {name: paths.get(name) for name in needed}


def qml_modules(app_qml_dir):
    """Every QML module reachable from the app's imports, with the directory it lives in."""
    todo, seen = set(), {}
    for root, _, files in os.walk(app_qml_dir):
        for f in files:
            if f.endswith(".qml"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    todo.update(IMPORT.findall(fh.read()))
    todo.discard("Sosoik")  # the app's own QML module, compiled into the binary
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        path = os.path.join(QML_ROOT, *module.split("."))
        seen[module] = path if os.path.isdir(path) else None
        if not seen[module]:
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if d != "designer"]  # Qt Design Studio metadata, not loaded
            for f in files:
                with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                if f == "qmldir":
                    todo.update(re.findall(r"^(?:depends|import)\s+([\w.]+)", text, re.M))
                elif f.endswith(".qml"):
                    todo.update(IMPORT.findall(text))
    return seen


def main():
    deb, app_qml = sys.argv[1], sys.argv[2]
    depends = {d.split()[0] for part in run("dpkg-deb", "-f", deb, "Depends").split(",") for d in part.split("|")}
    # What the declared packages pull in directly also counts (libqt6gui6 brings its platform plugins).
    covered = set(depends)
    for package in depends:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package], capture_output=True, text=True).stdout
        covered.update(d.strip().split()[0] for part in out.split(",") for d in part.split("|") if d.strip())
    covered = {c.split(":")[0] for c in covered}

    needed, problems = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        run("dpkg-deb", "-x", deb, tmp)
        for binary in ("usr/bin/sosoik", "usr/bin/sosoik-cli"):
            for name, path in linked_libraries(os.path.join(tmp, binary)).items():
                if not path:
                    problems.append(f"{binary}: {name} not found")
                    continue
                needed.setdefault(owner(path), []).append(f"{binary} links {name}")
    for module, path in qml_modules(app_qml).items():
        if path is None:
            # Imported by a part of a Qt module the app does not use (another Controls style):
            # the app runs here without it, and the install test below proves the package does.
            print(f"note: QML module {module} is not installed here; not required")
        else:
            needed.setdefault(owner(path), []).append(f"QML import {module}")
    for plugin in PLUGINS:
        path = "/usr/lib/x86_64-linux-gnu/qt6/plugins/" + plugin
        needed.setdefault(owner(path), []).append(f"Qt plugin {plugin}")
    needed.setdefault(owner("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), []).append("Hangul font")

    for package, why in sorted(needed.items(), key=lambda kv: str(kv[0])):
        if package is None:
            problems.append("no Debian package owns: " + "; ".join(why))
        elif package.split(":")[0] not in covered:
            problems.append(f"missing Depends: {package} ({'; '.join(sorted(set(why))[:3])})")
    print(f"{len(needed)} packages needed, Depends: {', '.join(sorted(depends))}")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
