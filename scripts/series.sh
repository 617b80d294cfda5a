# SPDX-License-Identifier: GPL-2.0
# Helpers shared by tree.sh and export.sh: how the series is written out,
# and how we tell whether build/linux holds work that patches/ lacks.

PATCHES=$TOP/patches
SERIES=$PATCHES/series
EXPORTED=$TREE/.git/codectl-exported	# digest of the series last in sync

# format_series DIR: write base..HEAD of build/linux as mails into DIR.
# Deterministic: zeroed commit ids, no signature, names from subjects.
format_series() {
	git -C "$TREE" -c core.abbrev=12 -c diff.noprefix=false \
		-c format.signOff=false -c format.coverLetter=false \
		-c format.thread=false format-patch -q --zero-commit \
		--no-signature --no-cover-letter --no-base --start-number 1 \
		-o "$1" base..HEAD >/dev/null
}

# digest_dir DIR: one digest of the numbered patches in DIR, in order.
digest_dir() {
	(cd "$1" && for f in [0-9][0-9][0-9][0-9]-*.patch; do
		[ -e "$f" ] || continue
		[ "$f" = 0000-cover-letter.patch ] && continue
		cat "$f"
	done) | sha256sum | cut -d' ' -f1
}

# digest_patches: the same digest for what patches/series lists.
digest_patches() {
	local n
	series_names | while read -r n; do cat "$PATCHES/$n"; done |
		sha256sum | cut -d' ' -f1
}

series_names() {
	[ -f "$SERIES" ] || return 0
	grep -v -e '^#' -e '^[[:space:]]*$' "$SERIES" || true
}

# digest_tree: the digest of the series as build/linux holds it now.
digest_tree() {
	local tmp d
	tmp=$(mktemp -d)
	format_series "$tmp"
	d=$(digest_dir "$tmp")
	rm -rf "$tmp"
	echo "$d"
}

# tree_dirty: non-empty output if build/linux has edits not committed.
tree_dirty() {
	git -C "$TREE" status --porcelain 2>/dev/null | head -n 20
}
