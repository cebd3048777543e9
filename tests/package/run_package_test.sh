#!/usr/bin/env bash
# The .deb as a user gets it: builds it with CPack, checks its Depends against what the binaries
# load (check_package.py), installs it with apt into a minimal Debian 12 root made by debootstrap
# (so apt resolves the Depends exactly as on a fresh PC), then starts the installed app there
# offscreen on a fresh profile and waits until it has loaded the Korean demo model, and asks the
# installed CLI a Korean question. Needs root (chroot) and debootstrap; exits 77 (skipped) without.
# The bootstrapped root and apt's downloads are cached in $SOSOIK_PACKAGE_CACHE
# (~/.cache/sosoik/package-test): a first run downloads ~150 MB, later runs only unpack.
# Usage: run_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root for chroot"; exit 77; }
command -v debootstrap >/dev/null || { echo "SKIP: debootstrap is not installed"; exit 77; }
[ -f /usr/share/debootstrap/scripts/bookworm ] || { echo "SKIP: debootstrap knows no bookworm"; exit 77; }

cache=${SOSOIK_PACKAGE_CACHE:-$HOME/.cache/sosoik/package-test}
mkdir -p "$cache/archives/partial"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/sosoik-package.XXXXXX")
root="$scratch/root"
cleanup() {
  for m in var/cache/apt/archives proc dev; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  rm -rf --one-file-system "$scratch"
}
trap cleanup EXIT

echo "== building the package"
(cd "$build" && cpack -G DEB >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$build"/sosoik_*_amd64.deb)
dpkg-deb -f "$deb" Package Version Depends Recommends

echo "== Depends against what the binaries load"
python3 "$source/tests/package/check_package.py" "$deb" "$source/app"

echo "== minimal Debian 12 root"
if [ ! -f "$cache/bookworm-minbase.tar" ]; then
  debootstrap --variant=minbase --cache-dir="$cache/archives" bookworm "$root" http://deb.debian.org/debian \
    >"$scratch/debootstrap.log" 2>&1 || { tail -n 30 "$scratch/debootstrap.log"; exit 1; }
  tar -C "$root" -cf "$cache/bookworm-minbase.tar.tmp" . && mv "$cache/bookworm-minbase.tar.tmp" "$cache/bookworm-minbase.tar"
else
  mkdir -p "$root" && tar -C "$root" -xf "$cache/bookworm-minbase.tar"
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/sosoik.deb"

echo "== apt install ./sosoik.deb (Depends and Recommends, as a user gets them)"
chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/sosoik.deb >"$scratch/apt.log" 2>&1 ||
  { tail -n 40 "$scratch/apt.log"; exit 1; }
grep -c "^Setting up" "$scratch/apt.log" | sed 's/^/packages set up: /'

echo "== the installed app, offscreen, fresh profile, Korean UI"
chroot "$root" sh -c 'mkdir -p /tmp/xdg && chmod 700 /tmp/xdg'
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=ko_KR.UTF-8 LC_ALL=ko_KR.UTF-8 \
  XDG_RUNTIME_DIR=/tmp/xdg QT_QPA_PLATFORM=offscreen \
  timeout 90 /usr/bin/sosoik --data-dir /tmp/profile >"$scratch/app.log" 2>&1 &
app=$!
loaded=""
for _ in $(seq 1 90); do
  if grep -q 'path=/usr/share/sosoik/models/sosoik-demo-ko.gguf' "$root/tmp/profile/settings.ini" 2>/dev/null; then
    loaded=yes
    break
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
sleep 2
alive=no
kill -0 "$app" 2>/dev/null && alive=yes
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
cat "$scratch/app.log"
[ "$loaded" = yes ] || { echo "FAIL: the installed app did not load the built-in demo model"; exit 1; }
[ "$alive" = yes ] || { echo "FAIL: the installed app exited after loading the model"; exit 1; }
echo "app loaded /usr/share/sosoik/models/sosoik-demo-ko.gguf and kept running"

echo "== the installed CLI answers in Korean"
answer=$(chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root /usr/bin/sosoik-cli run \
  -m /usr/share/sosoik/models/sosoik-demo-ko.gguf -p "안녕하세요" --chat --temp 0 -n 32 2>"$scratch/cli.log") ||
  { cat "$scratch/cli.log"; exit 1; }
echo "안녕하세요 -> $answer"
python3 -c 'import sys; sys.exit(not any("\uac00" <= c <= "\ud7a3" for c in sys.argv[1]))' "$answer" || { echo "FAIL: no Korean in the answer"; cat "$scratch/cli.log"; exit 1; }
echo "PASS"
