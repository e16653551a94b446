"""A proposed amendment (a reform of a list, as parsed YAML or JSON) applied to a list: the list it would leave.

Shared by the faces that take an amendment as data (the API's ``POST /headroom``) and then ask
``headroom.amendment_effects`` which products it would catch or release.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from regime.lists.compiled import CompiledList, compile_list
from regime.lists.loader import list_folder, load_docs
from regime.lists.reform import apply_reform, reform_from_yaml


def amended_list(list_id: str, amendment: Any, date: dt.date, source: str = "amendment") -> CompiledList:
    """``list_id`` as the amendment would leave it on ``date`` (or on the amendment's effective date, if later)."""
    reform = reform_from_yaml(amendment, source=source)
    reformed = apply_reform(load_docs(list_folder(list_id)), reform)
    return compile_list(reformed.at(max(date, reform.effective)))
