"""What the evaluation catalogs' generators share (catalogs.py, catalog5.py,
catalog6.py, catalog7.py): the Meta feed header, Google's taxonomy by path,
a variant's colour/size/title, the loop that turns models into feed rows
and writing the CSV. Each generator keeps its own feed style (a `Style`:
URLs, availability cycle, sale and stock rules, how categories and titles
are written), so the catalogs do not look alike."""

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


def google_by_cycle(ids, ending, i, cycle):
    """A model's `google_product_category` in a feed that writes it in
    turns: `cycle[i % len(cycle)]` is "id" (Google's numeric id), "path"
    (the full English path) or "" (left empty); always empty without an
    `ending`. Each catalog's Style picks its own cycle."""
    how = cycle[i % len(cycle)]
    if not ending or not how:
        return ""
    path, gid = google_category(ids, ending)
    return gid if how == "id" else path


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


def dashed_variant(title, v):
    """(color, size, full title) of a (color, size) variant written after
    the title with " - ": the colour capitalised, then the size
    ("Vestido Midi - Azul - P")."""
    color, size = v
    parts = [color[:1].upper() + color[1:]] if color else []
    if size:
        parts.append(size)
    return color, size, " - ".join([title] + parts)


class Style:
    """How one catalog's feed writes its rows; a generator overrides what
    its feed does differently."""

    avail = ["in stock"]
    currency = "USD"
    sale_factor = 0.9
    sale_every = 6

    def google(self, ids, ending, i):
        """The `google_product_category` of the i-th model."""
        return google_category(ids, ending)[1]

    def product_type(self, ptype, i, key):
        return ptype

    def variant(self, title, v):
        """(color, size, full title) of a variant."""
        return variant(title, v)

    def stock(self, n):
        """The quantity of the n-th row when it is in stock."""
        return 3 + n % 40

    def link(self, pid):
        return f"https://shop.example.com/{pid}"

    def image(self, pid):
        return f"https://shop.example.com/{pid}.jpg"


def rows(models, prefix, style):
    """The feed rows of `models` (one per variant) in `style`."""
    ids = taxonomy()
    out = []
    n = 0
    for i, (key, brand, title, ptype, gcat, desc, tags, price, variants, gender, material) in enumerate(models):
        gc = style.google(ids, gcat, i)
        pt = style.product_type(ptype, i, key)
        for v_i, v in enumerate(variants):
            n += 1
            pid = f"{prefix}-{key}-{v_i + 1}"
            color, size, full = style.variant(title, v)
            avail = style.avail[n % len(style.avail)]
            qty = 0 if avail != "in stock" else style.stock(n)
            cur = style.currency
            sale = f"{price * style.sale_factor:.2f} {cur}" if n % style.sale_every == 0 else ""
            out.append([pid, full, desc, avail, "new", f"{price:.2f} {cur}", sale,
                        style.link(pid), style.image(pid), brand,
                        pt, gc, color, size, gender, material,
                        str(qty), tags])
    return out


def write(name, rows):
    """Write `rows` under the header to `name` beside these scripts."""
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)


def build(name, prefix, catalog, brands, style):
    """Write catalog `name` from its models (key, title, product type,
    Google path, description, label, price, variants, gender, material),
    each brand named by its key's first letter in `brands`."""
    keys = [m[0] for m in catalog]
    assert len(keys) == len(set(keys)), "duplicate model key"
    models = [(m[0], brands[m[0][0]]) + tuple(m[1:]) for m in catalog]
    out = rows(models, prefix, style)
    write(name, out)
    print(f"wrote {name}: {len(out)} rows, {len(catalog)} models")


def cs(colors, sizes):
    """Every colour in every size."""
    return [(c, s) for c in colors for s in sizes]


# A model with one unnamed variant, and the Google category paths the
# generators share (each adds its own department's).
U = [("", "")]
AP = "Apparel & Accessories > "
CL = AP + "Clothing > "
SH = AP + "Shoes"
EL = "Electronics > "
HG = "Home & Garden > "
KD = HG + "Kitchen & Dining > "
KA = KD + "Kitchen Appliances > "
PC = "Health & Beauty > Personal Care > "
MK = PC + "Cosmetics > Makeup > "
VGS = "Software > Video Game Software"
