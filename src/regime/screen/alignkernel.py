"""The alignment of ``similarity.align``, compiled, over numbered tokens: every name of a party
against every form of a query in one call.

It gives exactly what ``similarity.align`` gives (``tests/screen/test_alignkernel.py``): the
same ladder, read from the query tokens' partners instead of computed again (a partner list
holds every vocabulary token the ladder scores above 0: ``keys.TokenKeys``), the same greedy
order, the same initials, anchors and glued words, the same sums in the same order.

Query arrays (``querytokens.QueryTokens``): ``q_tokens`` one row per token of every form,
``[vocabulary number or -1, one letter, first letter's code, digits, partners from, to,
splits from, to]``; ``q_forms`` one row per form, ``[tokens from, to, glue from]``, where
``glue[from + i*n + j]`` is the number of tokens i and j written together (or -1); a split
``[head, tail]`` is a way a query token is two vocabulary tokens written together. List
arrays: ``tokenids.NameTokens``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from regime.screen.kernels import Ids, _compile
from regime.screen.similarity import (
    ANCHOR,
    CONTAINED_WEIGHT,
    INITIAL_SIMILARITY,
    JOINED_SIMILARITY,
    ONE_SIDED,
    TWO_SIDED,
)

Floats = npt.NDArray[np.float64]
NO_NAME = -1
FIELDS = 5  # per label: [name, query form, similarity, query cover, match cover]


@_compile
def _similar(qt: int, token: int, q_tokens: Ids, partner_ids: Ids, partner_scores: Floats, vocabulary: Ids) -> float:
    """The ladder's similarity of query token ``qt`` and vocabulary token ``token`` (``similarity.similar``)."""
    if q_tokens[qt, 0] == token:
        return 1.0
    if q_tokens[qt, 3] or vocabulary[token, 2]:
        return 0.0
    if q_tokens[qt, 1] or vocabulary[token, 1]:
        return INITIAL_SIMILARITY if q_tokens[qt, 2] == vocabulary[token, 0] else 0.0
    low, high = q_tokens[qt, 4], q_tokens[qt, 5]
    end = high
    while low < high:
        middle = (low + high) // 2
        if partner_ids[middle] < token:
            low = middle + 1
        else:
            high = middle
    if low < end and partner_ids[low] == token:
        return float(partner_scores[low])
    return 0.0


@_compile
def _anchor(qw: float, q_initial: int, mw: float, m_initial: int, score: float) -> bool:
    """``similarity._anchor``: two distinctive words, neither an initial, agreeing at ``ANCHOR`` or better."""
    return score >= ANCHOR and qw >= 1.0 and mw >= 1.0 and not q_initial and not m_initial


@_compile
def _free(got: Floats) -> Ids:
    """The positions of the words that found no partner (``similarity._free``)."""
    return np.flatnonzero(got == 0.0)


@_compile
def _glue_query(got_q: Floats, got_m: Floats, m_ids: Ids, glue: Ids, glue_from: int, nq: int) -> None:
    """``similarity._joined`` with the query short: a list word that is two free query words written together."""
    free = _free(got_q)
    count = free.shape[0]
    if count < 2:
        return
    taken = np.zeros(nq, dtype=np.bool_)
    for k in range(m_ids.shape[0]):
        if got_m[k] != 0.0:
            continue
        for a in range(count):
            i = free[a]
            if taken[i]:
                continue
            for b in range(count):
                j = free[b]
                if j != i and not taken[j] and glue[glue_from + i * nq + j] == m_ids[k]:
                    taken[i] = taken[j] = True
                    got_m[k] = -1.0  # applied below, once every word glued is known
                    got_q[i] = got_q[j] = -1.0
                    break
            if got_m[k] != 0.0:
                break
    for k in range(m_ids.shape[0]):
        if got_m[k] == -1.0:
            got_m[k] = JOINED_SIMILARITY
    for i in range(nq):
        if got_q[i] == -1.0:
            got_q[i] = JOINED_SIMILARITY


@_compile
def _glue_list(got_q: Floats, got_m: Floats, m_ids: Ids, q_tokens: Ids, q_from: int, split_ids: Ids) -> None:
    """``similarity._joined`` with the list short: a query word that is two free list words written together."""
    nm, nq = m_ids.shape[0], got_q.shape[0]
    free = _free(got_m)
    count = free.shape[0]
    if count < 2:
        return
    taken = np.zeros(nm, dtype=np.bool_)
    for k in range(nq):
        if got_q[k] != 0.0:
            continue
        low, high = q_tokens[q_from + k, 6], q_tokens[q_from + k, 7]
        for a in range(count):
            i = free[a]
            if taken[i]:
                continue
            for b in range(count):
                j = free[b]
                if j == i or taken[j]:
                    continue
                for s in range(low, high):
                    if split_ids[s, 0] == m_ids[i] and split_ids[s, 1] == m_ids[j]:
                        taken[i] = taken[j] = True
                        got_q[k] = -1.0
                        break
                if got_q[k] != 0.0:
                    break
            if got_q[k] != 0.0:
                break
    for k in range(nq):
        if got_q[k] == -1.0:
            got_q[k] = JOINED_SIMILARITY
    for j in range(nm):
        if taken[j]:
            got_m[j] = JOINED_SIMILARITY


@_compile
def _distinctive_left(got: Floats, weights: Floats) -> bool:
    """``similarity._distinctive_left``: a distinctive word of this side found no partner at all."""
    return bool(np.any((got == 0.0) & (weights >= 1.0)))


@_compile
def align_one(
    q_tokens: Ids,
    q_weight: Floats,
    q_from: int,
    q_to: int,
    q_total: float,
    glue: Ids,
    glue_from: int,
    partner_ids: Ids,
    partner_scores: Floats,
    split_ids: Ids,
    m_ids: Ids,
    m_weight: Floats,
    m_total: float,
    vocabulary: Ids,
) -> tuple[float, float, float]:
    """(similarity, query cover, match cover) of query tokens ``q_from:q_to`` against one list name."""
    nq, nm = q_to - q_from, m_ids.shape[0]
    if nq == 0 or nm == 0:
        return 0.0, 0.0, 0.0
    got_q = np.zeros(nq)
    got_m = np.zeros(nm)
    worth_q = q_weight[q_from:q_to].copy()
    worth_m = m_weight.copy()
    m_initial = np.empty(nm, dtype=np.intp)
    for j in range(nm):
        m_initial[j] = vocabulary[m_ids[j], 1]
    unmatched = np.empty(nm, dtype=np.intp)
    loose = 0
    anchored = False
    for j in range(nm):  # equal tokens first: 1.0 is the top of the ladder
        found = False
        for i in range(nq):
            if got_q[i] == 0.0 and q_tokens[q_from + i, 0] == m_ids[j]:
                got_q[i] = got_m[j] = 1.0
                qt = q_from + i
                anchored = anchored or _anchor(q_weight[qt], q_tokens[qt, 1], m_weight[j], m_initial[j], 1.0)
                found = True
                break
        if not found:
            unmatched[loose] = j
            loose += 1
    if loose:
        scores = np.empty(nq * loose)
        pair_i = np.empty(nq * loose, dtype=np.intp)
        pair_j = np.empty(nq * loose, dtype=np.intp)
        count = 0
        for i in range(nq):
            if got_q[i] != 0.0:
                continue
            for u in range(loose):
                j = unmatched[u]
                score = _similar(q_from + i, m_ids[j], q_tokens, partner_ids, partner_scores, vocabulary)
                if score > 0.0:
                    scores[count], pair_i[count], pair_j[count] = score, i, j
                    count += 1
        order = np.argsort(-scores[:count], kind="mergesort")  # stable: ties stay in (i, j) order
        initials = np.empty((count, 2), dtype=np.intp)
        noted = 0
        for at in order:
            i, j, score = pair_i[at], pair_j[at], scores[at]
            if got_q[i] == 0.0 and got_m[j] == 0.0:
                got_q[i] = got_m[j] = score
                qt = q_from + i
                if q_tokens[qt, 1] != m_initial[j]:
                    initials[noted, 0], initials[noted, 1] = i, j
                    noted += 1
                else:
                    anchored = anchored or _anchor(q_weight[qt], q_tokens[qt, 1], m_weight[j], m_initial[j], score)
        if noted and not anchored:  # an initial vouches for one letter
            for n in range(noted):
                i, j = initials[n, 0], initials[n, 1]
                if q_tokens[q_from + i, 1]:
                    worth_m[j] = min(worth_m[j], q_weight[q_from + i])
                else:
                    worth_q[i] = min(worth_q[i], m_weight[j])
    if nq != nm:
        _glue_query(got_q, got_m, m_ids, glue, glue_from, nq)
        _glue_list(got_q, got_m, m_ids, q_tokens, q_from, split_ids)
    have_q = 0.0
    for i in range(nq):
        have_q += got_q[i] * worth_q[i]
    have_m = 0.0
    for j in range(nm):
        have_m += got_m[j] * worth_m[j]
    matched = have_q + have_m
    left_q, left_m = q_total - have_q, m_total - have_m
    if left_q <= left_m:
        whole = q_total
        generic_rest = q_weight[q_from:q_to].max() >= 1.0 and not _distinctive_left(got_m, m_weight)
    else:
        whole = m_total
        generic_rest = m_weight.max() >= 1.0 and not _distinctive_left(got_q, q_weight[q_from:q_to])
    one_sided = ONE_SIDED if whole >= CONTAINED_WEIGHT or generic_rest else 1.0
    missed = one_sided * max(left_q, left_m) + TWO_SIDED * min(left_q, left_m)
    similarity = matched / (matched + missed) if matched else 0.0
    return similarity, have_q / q_total, have_m / m_total


@_compile
def best_names(
    q_tokens: Ids,
    q_weight: Floats,
    q_forms: Ids,
    q_total: Floats,
    glue: Ids,
    partner_ids: Ids,
    partner_scores: Floats,
    split_ids: Ids,
    name_start: Ids,
    token_id: Ids,
    token_weight: Floats,
    name_total: Floats,
    name_label: Ids,
    party_first: Ids,
    vocabulary: Ids,
    parties: Ids,
    form_counts: Ids,
    strengths: Floats,
) -> Floats:
    """For each party of ``parties`` and each label (name, alias, weak alias): its best pair of a
    name of that label and one of the party's first ``form_counts`` query forms, ranked by
    similarity times the label's strength (ties: the first name, then the first form), as
    ``[name, form, similarity, query cover, match cover]``; ``NO_NAME`` where none agrees at all."""
    out = np.zeros((parties.shape[0], 3, FIELDS))
    out[:, :, 0] = NO_NAME
    for p in range(parties.shape[0]):
        party = parties[p]
        best = np.zeros(3)
        for name in range(party_first[party], party_first[party + 1]):
            label = name_label[name]
            start, end = name_start[name], name_start[name + 1]
            m_ids, m_weight = token_id[start:end], token_weight[start:end]
            for f in range(form_counts[p]):
                similarity, cover_q, cover_m = align_one(
                    q_tokens,
                    q_weight,
                    q_forms[f, 0],
                    q_forms[f, 1],
                    q_total[f],
                    glue,
                    q_forms[f, 2],
                    partner_ids,
                    partner_scores,
                    split_ids,
                    m_ids,
                    m_weight,
                    name_total[name],
                    vocabulary,
                )
                if similarity * strengths[label] > best[label]:
                    best[label] = similarity * strengths[label]
                    out[p, label, 0], out[p, label, 1] = name, f
                    out[p, label, 2], out[p, label, 3], out[p, label, 4] = similarity, cover_q, cover_m
    return out
