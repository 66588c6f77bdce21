"""The ``edition`` command: check the sources, guard the anchors, audit the indexes.

    edition check               normalise every source, verify conservation and anchors, print counts
    edition manifest            list anchors that are new since the committed manifest
    edition manifest --update   rewrite the anchor manifests and sources/published.tsv on purpose
                                (review in git diff)
    edition audit-persons       list name-like words that match no entry of the person index
    edition new-source PATH --layout NAME --slug SLUG
                                start sources/<slug>/ (raw text, meta.yml skeleton) and print
                                what the layout recognised in the text

Bad input prints one line ``file:line: message`` and exits with status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from scripts import manifest, newsource
from scripts.errors import EditionError

Command = Callable[[argparse.Namespace], int]


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def cmd_check(args: argparse.Namespace) -> int:
    """Run the whole pipeline and print what each source holds."""
    from scripts.site import build

    output = build(_root(args))
    for source in output.sources:
        doc = source.document
        present = sum(1 for n in doc.notes if n.present)
        print(
            f"{source.meta.slug}: {len(list(doc.paragraphs()))} paragraphs, {len(doc.notes)} notes "
            f"({present} with text), {len(doc.page_breaks())} page breaks, "
            f"{len(doc.emendations())} emendations, {len(doc.sics())} sic, {len(doc.removals)} removals"
        )
        new = output.new_anchors.get(source.meta.slug, [])
        if new:
            print(f"  {len(new)} anchors not yet in the manifest (run 'edition manifest --update')")
    print(f"{len(output.pages)} pages, {len(output.data)} data files")
    return 0


def cmd_manifest(args: argparse.Namespace) -> int:
    """Show new anchors, or rewrite the manifests and sources/published.tsv with --update.

    ``--update`` never drops a published source that is not retired in sources/retired.yml.
    """
    from scripts import published
    from scripts.sources import load_sources

    root = _root(args)
    sources = load_sources(root)
    retired = published.load_retired(root)
    counts: dict[str, int] = {}
    if args.update:
        published.check_none_vanished(root, {s.meta.slug for s in sources}, retired)
    for source in sources:
        path = manifest.manifest_path(root, source.meta.slug)
        records = manifest.anchors(source.document)
        counts[source.meta.slug] = len(records)
        if args.update:
            manifest.write(path, records)
            print(f"{path.relative_to(root)}: {len(records)} anchors written")
        else:
            new = manifest.verify(
                source.document,
                path,
                str(path.relative_to(root)),
                retired.anchors_of(source.meta.slug),
            )
            print(f"{source.meta.slug}: {len(records)} anchors, {len(new)} new")
    if args.update:
        published.write_published(root, counts)
        print(f"{published.PUBLISHED}: {len(counts)} published sources written")
    return 0


def build_parser(commands: dict[str, Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=".", help="project root (default: current directory)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="normalise and verify every source, print counts")
    manifest_parser = sub.add_parser("manifest", help="compare or rewrite the anchor manifests")
    manifest_parser.add_argument("--update", action="store_true", help="rewrite on purpose")
    new = sub.add_parser("new-source", help="start a source and report what its layout reads")
    newsource.add_arguments(new)
    for name in commands:
        if name not in {"check", "manifest", "new-source"}:
            sub.add_parser(name, help=(commands[name].__doc__ or "").strip().split("\n")[0])
    return parser


def cmd_audit_persons(args: argparse.Namespace) -> int:
    """List name-like words of the texts that match no entry of sources/persons.yml."""
    from scripts.annotate.persons_audit import main_audit

    return main_audit(_root(args))


COMMANDS: dict[str, Command] = {
    "check": cmd_check,
    "manifest": cmd_manifest,
    "audit-persons": cmd_audit_persons,
    "new-source": newsource.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``edition`` command."""
    parser = build_parser(COMMANDS)
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
