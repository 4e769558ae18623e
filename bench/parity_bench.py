"""Benchmark the parity checker. Prints figures; it is not a test.

    uv run python bench/parity_bench.py [--sizes 500,1000,2000] [--no-build]

1. Generates N realistic page pairs (sections, nested lists, tables, admonitions, tabs, footnotes, links,
   figures, glosses) in a temporary site with the handbook's policy and terminology, locks them, and times, side
   by side in one run: one plain Python-Markdown render of the same pages with the same extensions (one process,
   one reused Markdown instance), `check_site` cold (empty cache: every page rendered once into its Page, in a
   process pool when many, then every rule) and warm (pages and findings reused from .parity-cache/, the everyday
   case), for each N. The cold/render ratio is the checker's cost over rendering alone (target: at most 2).
2. Times `mkdocs build --strict` of a copy of the real site with and without hooks/parity_check.py, two builds each
   (alternating), and prints the ratio of the fastest builds and the time the hook's own check took in each
   build (the first starts with no parity cache, as in CI).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

from handbook.site import load_site, markdown_extensions_yaml
from parity.checker import check_site
from parity.config import load_site_config
from parity.lock import LockEntry, write_lock

ROOT = Path(__file__).resolve().parents[1]

# The generated site uses the real site's Markdown extensions (mkdocs.yml, through the site model).
MKDOCS_YML = """\
site_name: Parity benchmark
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English}
        - {locale: zh, name: 中文}
"""


def english_page(n: int) -> str:
    return f"""---
title: Page {n}
description: Benchmark page {n} about the CMO's duties.
---

# Page {n}

The CMO has five functions and {n % 20 + 1} responsibilities; see [the role](page-{(n + 1) % 7}.md#duties).
The source reports that {n % 90 + 5}% of companies had a CMO in {1990 + n % 30}.

## Duties {{ #duties }}

1. Planning takes {n % 50 + 10}% of the time.
2. The budget is {(n % 9 + 1) * 100},000 yuan.
    - Market research and customer insight
    - Advertising and public relations
3. The team[^1] grows by {n % 7 + 2} people a year.

| Theme | Share | Note |
|---|---|---|
| Brand | 70% | Long-term value |
| Sales | 30% | Short-term results |
| Research | 3.2% | Product and market |

!!! note "Editorial note"
    The source reports a tenure of 3–5 years, and a 70-20-10 budget rule.

## Methods {{ #methods }}

=== "Plan"
    Write the annual plan with the sales team.

=== "Review"
    Review the plan every quarter with the CEO.

> There is only one valid definition of business purpose: to create a customer.

A senior marketer (高级营销师) reads [the report](https://example.com/report-{n}).

### Details {{ #details }}

- First point about channel management
- Second point about pricing policy
- Third point about distribution

[^1]: Including agency staff.
"""


def chinese_page(n: int) -> str:
    return f"""---
title: 页面 {n}
description: 关于首席营销官职责的基准测试页面 {n}。
---

# 页面 {n}

首席营销官（Chief Marketing Officer）有五项职能和 {n % 20 + 1} 项职责，见[角色](page-{(n + 1) % 7}.md#duties)。
据原文介绍，{1990 + n % 30} 年有 {n % 90 + 5}% 的公司设有首席营销官。

## 职责 {{ #duties }}

1. 规划占用 {n % 50 + 10}% 的时间。
2. 预算为 {(n % 9 + 1) * 10} 万元。
    - 市场调研与客户洞察
    - 广告与公共关系
3. 团队[^1]每年增加 {n % 7 + 2} 人。

| 主题 | 占比 | 说明 |
|---|---|---|
| 品牌 | 70% | 长期价值 |
| 销售 | 30% | 短期业绩 |
| 研究 | 3.2% | 产品与市场 |

!!! note "编者注"
    据原文介绍，任期为 3 到 5 年，预算遵循 70-20-10 法则。

## 方法 {{ #methods }}

=== "计划"
    与销售团队一起制定年度计划。

=== "复核"
    每季度与首席执行官复核计划。

> 关于企业的目的，只有一个正确而有效的定义：创造顾客。

高级营销师阅读[报告](https://example.com/report-{n})。

### 细节 {{ #details }}

- 关于渠道管理的第一点
- 关于定价政策的第二点
- 关于分销的第三点

[^1]: 包括代理机构人员。
"""


def generate(root: Path, pairs: int) -> None:
    (root / "mkdocs.yml").write_text(MKDOCS_YML + markdown_extensions_yaml(load_site()), encoding="utf-8")
    for lang, page in (("en", english_page), ("zh", chinese_page)):
        folder = root / "docs" / lang
        folder.mkdir(parents=True)
        for n in range(pairs):
            (folder / f"page-{n}.md").write_text(page(n), encoding="utf-8")
        # The real glossary and rule data, so that P10-terms and P12-glossary run as on the real site.
        shutil.copy2(ROOT / "docs" / lang / "glossary.md", folder / "glossary.md")
    shutil.copytree(ROOT / "data", root / "data")


def lock_all(root: Path) -> None:
    site = load_site_config(root / "mkdocs.yml", use_cache=True)
    result = check_site(site)
    write_lock(
        site.lock_path,
        {
            pair.rel: LockEntry({lang: result.pages[(lang, pair.rel)].content_hash for lang in pair.present}, "2026-01-01")
            for pair in result.pairs
        },
    )


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished children (the render pool)."""
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


CPU: dict[str, float] = {}  # "render" / "cold" -> CPU seconds of the last such run


def timed_check(root: Path, cpu_as: str | None = None) -> tuple[float, int]:
    site = load_site_config(root / "mkdocs.yml", use_cache=True)
    started, cpu = time.perf_counter(), _cpu()
    result = check_site(site)
    if cpu_as:
        CPU[cpu_as] = _cpu() - cpu
    return time.perf_counter() - started, len(result.findings)


def timed_render(root: Path) -> float:
    """Seconds for one plain Python-Markdown render of every page of the site, with its extensions."""
    site = load_site_config(root / "mkdocs.yml", use_cache=False)
    converter = markdown.Markdown(extensions=list(site.extensions), extension_configs=dict(site.extension_configs))
    texts = [path.read_text(encoding="utf-8") for lang in site.languages for path in sorted(site.lang_dir(lang).rglob("*.md"))]
    started, cpu = time.perf_counter(), _cpu()
    for text in texts:
        converter.reset()
        converter.convert(text)
    CPU["render"] = _cpu() - cpu
    return time.perf_counter() - started


def bench_check(sizes: list[int]) -> None:
    print(f"parity check of generated page pairs ({os.cpu_count()} cores)")
    print(f"{'pairs':>6} {'render s':>8} {'cold s':>8} {'cold/render':>11} {'warm s':>8} {'warm ms/pair':>13} "
          f"{'findings':>9}")
    rows = []
    for pairs in sizes:
        with tempfile.TemporaryDirectory(prefix="parity-bench-") as folder:
            root = Path(folder)
            generate(root, pairs)
            lock_all(root)  # a check too; then start cold again
            shutil.rmtree(root / ".parity-cache")
            cold, _ = timed_check(root, cpu_as="cold")
            warm = min(timed_check(root)[0] for _ in range(3))
            _, findings = timed_check(root)
            render = timed_render(root)
            rows.append((pairs, cold, warm))
            print(f"{pairs:>6} {render:>8.2f} {cold:>8.2f} {cold / render:>11.2f} {warm:>8.2f} "
                  f"{warm / pairs * 1000:>13.3f} {findings:>9}")
            print(f"{'':>6} CPU seconds: render {CPU['render']:.2f}, cold check {CPU['cold']:.2f} (with its render "
                  f"pool), ratio {CPU['cold'] / CPU['render']:.2f} (steadier than wall time on a shared machine)")
    if len(rows) > 1:
        base_pairs, base_cold, base_warm = rows[0]
        for pairs, cold, warm in rows[1:]:
            scale = pairs / base_pairs
            print(
                f"scaling {base_pairs}→{pairs} (×{scale:g}): cold ×{cold / base_cold:.2f}, warm ×{warm / base_warm:.2f}"
                f" (linear would be ×{scale:g})"
            )


CPU_TIMES: dict[str, list[float]] = {}  # config -> CPU seconds (user + system) of each build


def build(site: Path, config: str) -> tuple[float, float | None]:
    """Seconds for one strict build, and the seconds the parity hook reported for its own check (if it ran).
    The build's CPU time (less disturbed than wall time by other work on a shared machine) goes to CPU_TIMES."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = Path(tempfile.mkdtemp(prefix="parity-bench-site-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "-f", config, "-d", str(out)],
        cwd=site, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_TIMES.setdefault(config, []).append(
        (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    )
    shutil.rmtree(out, ignore_errors=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        tail = output.strip().splitlines()[-3:]
        print(f"  note: {config} build failed: {' / '.join(tail)}")
    check = re.search(r"parity: checked \d+ page pairs in ([0-9.]+)s", output)
    return elapsed, float(check.group(1)) if check else None


def bench_build(rounds: int) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hook_lines = [line for line in config.splitlines() if line.strip().startswith("- hooks/parity_check.py")]
    if not hook_lines:
        print("mkdocs.yml does not list hooks/parity_check.py; skipping the build comparison")
        return
    with tempfile.TemporaryDirectory(prefix="parity-bench-real-") as folder:
        site = Path(folder)
        for name in ("docs", "overrides", "hooks", "includes", "data"):
            if (ROOT / name).exists():
                shutil.copytree(ROOT / name, site / name)
        for name in ("mkdocs.yml", "parity.lock.json"):
            if (ROOT / name).exists():
                shutil.copy2(ROOT / name, site / name)
        without = "\n".join(line for line in config.splitlines() if line not in hook_lines) + "\n"
        (site / "mkdocs-without-parity.yml").write_text(without, encoding="utf-8")
        print(f"strict build of the real site (a copy), with and without hooks/parity_check.py, {rounds} builds each, alternating")
        with_hook: list[float] = []
        without_hook: list[float] = []
        checks: list[float | None] = []
        for _ in range(rounds):
            without_hook.append(build(site, "mkdocs-without-parity.yml")[0])
            elapsed, check = build(site, "mkdocs.yml")
            with_hook.append(elapsed)
            checks.append(check)
        print(f"  without the hook: {', '.join(f'{t:.2f}s' for t in without_hook)}")
        print(f"  with the hook:    {', '.join(f'{t:.2f}s' for t in with_hook)}  (the first starts with no parity cache)")
        print(f"  the hook's own check: {', '.join(f'{t:.3f}s' if t is not None else '?' for t in checks)}")
        print(f"  ratio of the fastest builds: {min(with_hook) / min(without_hook):.3f}×")
        print(f"  ratio of the median builds:  {statistics.median(with_hook) / statistics.median(without_hook):.3f}×")
        cpu_with, cpu_without = CPU_TIMES.get("mkdocs.yml", []), CPU_TIMES.get("mkdocs-without-parity.yml", [])
        if cpu_with and cpu_without:
            print(f"  CPU time without: {', '.join(f'{t:.2f}s' for t in cpu_without)}")
            print(f"  CPU time with:    {', '.join(f'{t:.2f}s' for t in cpu_with)}")
            print(f"  ratio of the median CPU times: {statistics.median(cpu_with) / statistics.median(cpu_without):.3f}×"
                  "  (wall time on a shared machine is noisy; CPU time is steadier)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,1000,2000", help="page-pair counts to time (default 500,1000,2000)")
    parser.add_argument("--no-build", action="store_true", help="skip the real-site build comparison")
    parser.add_argument("--rounds", type=int, default=2, help="strict builds of each kind (default 2)")
    args = parser.parse_args()
    bench_check([int(size) for size in args.sizes.split(",")])
    if not args.no_build:
        bench_build(args.rounds)


if __name__ == "__main__":
    main()
