"""Tiny bilingual sites in temporary folders, for the parity checker's tests."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parity.checker import CheckResult, check_site
from parity.config import SiteConfig, load_site_config
from parity.lock import LockEntry, write_lock
from parity.stale import section_hashes

from handbook.site import load_site, markdown_extensions_yaml

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "hooks" / "parity_check.py"

# The tiny sites render with the real site's Markdown extensions (mkdocs.yml, through the site model).
MARKDOWN_EXTENSIONS = markdown_extensions_yaml(load_site())
MKDOCS_YML = """\
site_name: Parity test
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: zh
          name: 中文
          build: true
hooks:
  - {hook}
# As the handbook's mkdocs.yml: a page outside nav fails the strict build (MkDocs' default only logs it).
validation:
  omitted_files: warn
"""

EN_DUTIES = """\
---
title: Duties
description: The five functions of a CMO.
---

# Duties

The CMO has five functions and 16 responsibilities; see [the role](role.md#definition).

## Five functions { #five-functions }

1. Planning takes 37% of the time.
2. The budget is 500,000 yuan.
    - Market research
    - Advertising
3. The team[^1] grows.

| Label | Share |
|---|---|
| Brand | 70% |
| Sales | 30% |

!!! note "Editorial note"
    The source reports a tenure of 3–5 years.

> The only valid definition of business purpose is to create a customer.

=== "Plan"
    Write the plan.

=== "Review"
    Review the plan.

```text
code 123 is not a figure
```

![Chart](chart.png)

## Sources { #sources }

The report is at <https://example.com/report-2024>.

[^1]: Including agencies.
"""

ZH_DUTIES = """\
---
title: 岗位职责
description: 首席营销官的五项职能。
---

# 岗位职责

首席营销官（Chief Marketing Officer）有五项职能和 16 项职责，见[角色](role.md#definition)。

## 五项职能 { #five-functions }

1. 规划占用 37% 的时间。
2. 预算为 50 万元。
    - 市场调研
    - 广告
3. 团队[^1]不断壮大。

| 标签 | 占比 |
|---|---|
| 品牌 | 70% |
| 销售 | 30% |

!!! note "编者按"
    据原文介绍，任期为 3 到 5 年。

> 关于企业的目的，只有一个正确而有效的定义：创造顾客。

=== "计划"
    制定计划。

=== "复核"
    复核计划。

```text
code 456 is not a figure
```

![图表](chart.png)

## 资料来源 { #sources }

报告见 <https://example.com/report-2024>。

[^1]: 包括代理机构。
"""

EN_ROLE = """\
---
title: The CMO role
description: What a CMO is.
---

# The CMO role

## Definition { #definition }

A CMO leads marketing.
"""

ZH_ROLE = """\
---
title: 首席营销官的角色
description: 首席营销官是什么。
---

# 首席营销官的角色

## 定义 { #definition }

首席营销官负责营销工作。
"""


@dataclass
class TinySite:
    root: Path
    use_cache: bool = False  # True: checks read and write .parity-cache/, as editors' checks do

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    def page(self, lang: str, rel: str) -> Path:
        return self.root / "docs" / lang / rel

    def write(self, lang: str, rel: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
        path = self.page(lang, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.replace("\n", newline).encode(encoding))
        return path

    def edit(self, lang: str, rel: str, old: str, new: str) -> None:
        path = self.page(lang, rel)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def config(self) -> SiteConfig:
        return load_site_config(self.config_file, use_cache=self.use_cache)

    def check(self) -> CheckResult:
        return check_site(self.config())

    def lock(self) -> None:
        """Lock every pair as it is now (what `python -m parity lock --force` does)."""
        result = self.check()
        entries = {
            pair.rel: LockEntry(
                hashes={lang: result.pages[(lang, pair.rel)].content_hash for lang in pair.present},
                locked="2026-01-02",
                sections={lang: section_hashes(result.pages[(lang, pair.rel)]) for lang in pair.present},
            )
            for pair in result.pairs
        }
        write_lock(self.config().lock_path, entries)

    def findings(self, rule: str | None = None) -> list[str]:
        return [f.render() for f in self.check().findings if rule is None or f.rule == rule]


@pytest.fixture(params=[False, True], ids=["cache-off", "cache-on"])
def use_cache(request: pytest.FixtureRequest) -> bool:
    """Every rule test runs twice: rendering every page, and with the on-disk cache (each later check in a test
    then reads what the earlier ones stored). Test modules that only drive builds or the CLI pin it."""
    return bool(request.param)


@pytest.fixture
def make_site(tmp_path: Path, use_cache: bool) -> Callable[..., TinySite]:
    """A passing two-page site (duties.md, role.md in en and zh), locked unless lock=False."""

    def make(lock: bool = True, pages: dict[tuple[str, str], str] | None = None, policy: bool = True) -> TinySite:
        site = TinySite(tmp_path / "site", use_cache)
        site.root.mkdir()
        site.config_file.write_text(MKDOCS_YML.format(hook=HOOK.as_posix()) + MARKDOWN_EXTENSIONS, encoding="utf-8")
        if policy:  # the handbook's house style (data/parity.yml) and status-page words; no terminology
            (site.root / "data").mkdir()
            for name in ("parity.yml", "status-labels.yml"):
                shutil.copy(ROOT / "data" / name, site.root / "data" / name)
        contents = pages if pages is not None else {
            ("en", "duties.md"): EN_DUTIES,
            ("zh", "duties.md"): ZH_DUTIES,
            ("en", "role.md"): EN_ROLE,
            ("zh", "role.md"): ZH_ROLE,
        }
        for (lang, rel), text in contents.items():
            site.write(lang, rel, textwrap.dedent(text))
        if lock:
            site.lock()
        return site

    return make
