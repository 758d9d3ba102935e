"""What the evaluation catalogs' generators share (catalogs.py, catalog5.py,
catalog6.py): the Meta feed header, Google's taxonomy by path, a variant's
colour/size/title and writing the CSV. Each generator keeps its own feed
style (URLs, availability cycle, sale and stock rules), so the catalogs do
not look alike."""

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TAXONOMY = os.path.join(HERE, "..", "..", "lang", "data", "google-taxonomy-with-ids.en-US.txt")

HEADER = ["id", "title", "description", "availability", "condition", "price",
          "sale_price", "link", "image_link", "brand", "product_type",
          "google_product_category", "color", "size", "gender", "material",
          "quantity_to_sell_on_facebook", "custom_label_0"]


def taxonomy():
    """Google's category ids by full path."""
    ids = {}
    with open(TAXONOMY, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or " - " not in line:
                continue
            gid, path = line.rstrip("\n").split(" - ", 1)
            ids[path] = gid
    return ids


def google_category(ids, ending):
    """The one (path, id) whose path is or ends with `ending`."""
    found = [(p, gid) for p, gid in ids.items() if p == ending or p.endswith(" > " + ending)]
    if len(found) != 1:
        raise SystemExit(f"google category {ending!r}: {len(found)} matches")
    return found[0]


def variant(title, v):
    """(color, size, full title) of a variant: a (color, size) pair or a
    title suffix."""
    if isinstance(v, tuple):
        color, size = v
        suffix = " / ".join(x.title() if x == color else x for x in (color, size) if x)
    else:
        color, size = "", v
        suffix = v
    return color, size, (f"{title} - {suffix}" if suffix else title)


def write(name, rows):
    """Write `rows` under the header to `name` beside these scripts."""
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
