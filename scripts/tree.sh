#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Materialise build/linux: the base kernel as the first commit (tagged
# "base"), then every patch of patches/series applied with git am.
#
# A tree whose commits or edits were never exported is never overwritten.
# A tree already in sync with patches/ is kept as it is (timestamps and
# all, so incremental kernel builds stay incremental).
. "$(dirname "$0")/lib.sh"
. "$TOP/scripts/series.sh"

want=$(digest_patches)

if [ -d "$TREE/.git" ]; then
	dirty=$(tree_dirty)
	[ -z "$dirty" ] || die "build/linux has uncommitted changes; commit them there and run 'make export' (or discard them) first:
$dirty"
	have=$(digest_tree)
	synced=$(cat "$EXPORTED" 2>/dev/null || true)
	if [ "$have" != "$synced" ]; then
		die "build/linux has commits that were never exported; run 'make export' first (or 'git -C build/linux reset --hard' to the exported state)"
	fi
	if [ "$have" = "$want" ]; then
		msg "build/linux: in sync with patches/ ($(series_names | wc -l) patches)"
		exit 0
	fi
	msg "build/linux: patches/ changed; re-applying the series on base"
	git -C "$TREE" am --abort >/dev/null 2>&1 || true
	git -C "$TREE" checkout -q --detach base
	git -C "$TREE" branch -q -f series base
	git -C "$TREE" checkout -q series
else
	[ -f "$BUILD/base/linux-source-7.3.tar.xz" ] || "$TOP/scripts/base.sh"
	msg "build/linux: unpacking the base kernel"
	rm -rf "$TREE.new"
	mkdir -p "$TREE.new"
	tar -xJf "$BUILD/base/linux-source-7.3.tar.xz" -C "$TREE.new" --strip-components=1
	ver=$(cat "$BUILD/base/VERSION")
	# Debian's source package ends .gitignore with "/*" and "!/debian/"
	# (its packaging repository holds only debian/). Kept, they would hide
	# every file a patch adds. Mainline has neither line.
	sed -i -e '/^\/\*$/d' -e '/^!\/debian\/$/d' "$TREE.new/.gitignore"
	(
		cd "$TREE.new"
		git init -q -b series
		git config core.abbrev 12
		# Fixed identity and date: the same base gives the same commit.
		export GIT_AUTHOR_NAME=Debian GIT_AUTHOR_EMAIL=debian-kernel@lists.debian.org
		export GIT_COMMITTER_NAME=Debian GIT_COMMITTER_EMAIL=debian-kernel@lists.debian.org
		export GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
		git add -A -f .
		git commit -q -m "Base: linux-source-7.3 $ver" \
			-m "Unpacked from Debian's linux-source-7.3 package; the series applies on top." \
			-m "Debian's top-level ignore-everything rule is dropped from .gitignore."
		git tag base
	)
	mv "$TREE.new" "$TREE"
fi

n=0
for p in $(series_names); do
	[ -f "$PATCHES/$p" ] || die "patches/series names $p, which does not exist"
	git -C "$TREE" am -q --keep-non-patch "$PATCHES/$p" ||
		die "patch $p does not apply to the base; the tree is left mid-'git am' in build/linux"
	n=$((n + 1))
done
digest_tree >"$EXPORTED"
[ "$(cat "$EXPORTED")" = "$want" ] ||
	msg "note: re-exporting would rewrite patches/ (git am normalised something); run 'make export'"
msg "build/linux: base + $n patches"
