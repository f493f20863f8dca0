"""Question-and-answer forms: datasheets for datasets ("Who funded the creation of the dataset?"
followed by the authors' answer), paper checklists ("Did you report error bars? [Yes] See
Section 3", "Question: ... Answer: [No] Justification: ..."), model cards in the same layout.

A form's question is template: its words disclose nothing.  Its answer means something only with
its question ("Yes, CC-BY license."), and it is evidence for the topic the question asks about.
An answer that only points elsewhere ("[Yes] See Section 3") discloses only what the pointed
section holds, which is read there; an answer "[No]" or "[N/A]" to a question asking whether the
paper reports something is the authors' admission that it does not (a gap, or not applicable).
The justification text after an answer marker is prose, judged like any other sentence.

This module reads the form from the sentences and the page layout (typography of the question
lines, answer markers, "Answer:" / "Justification:" / "Guidelines:" labels); the checklist engine
asks it, for each sentence, whether the sentence is template or an answer and to what question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# a question: ends with a question mark (closing quotes or brackets after it)
QUESTION_END = re.compile(r"\?\s*[\"\u201d')\]]*\s*$")
# an item's number or bullet before its question: "1.", "(a)", "A1.", "B3", "•", "Q3:", "Question:"
_ITEM_LEAD = re.compile(
    r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u2013\u2014*-]\s*|\(?[a-z]\)\s*|\(?[ivx]{1,4}\)\s*|[A-E]\d{1,2}\.?\s+|\d{1,2}(?:\.\d{1,2})*\.?\s+"
    r"|Q\d{0,3}\s*[:.]\s*|Question\s*\d{0,3}\s*:\s*)+",
    re.IGNORECASE,
)
# an answer marker at the start of the answer: "[Yes]", "Answer: [N/A]", "Yes,", "No.", "N/A",
# the check boxes of ACL's checklist ("\u2713", "\u2717", "\u25a1"); a bare "No" or "Yes" needs punctuation
# or the end after it ("No model trained on this dataset ..." is prose)
_MARK_WORD = r"(?:Yes|No|N/?A|NA|Not applicable|Partial(?:ly)?|TODO)"
_ANSWER_LEAD = re.compile(
    rf"^\s*(?:A\d{{0,3}}\s*[:.]\s*)?(?:Answer\s*:\s*)?(?:\[\s*({_MARK_WORD})\s*\]|({_MARK_WORD})(?=\s*(?:[.,;:!\u2013\u2014-]|$))"
    r"|([\u2713\u2714\u2611]|[\u2717\u2718\u2612]))\s*[.,;:!\u2013\u2014-]?\s*",
    re.IGNORECASE,
)
# an answer marker after a question in the same sentence: "... scope? [Yes] See Section 3"
_INLINE_ANSWER = re.compile(rf"\?\s*[\"\u201d')]*\s*(?=(?:Answer\s*:\s*)?\[\s*{_MARK_WORD}\s*\])", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(Answer|Justification|Guidelines|Question)\s*:\s*", re.IGNORECASE)
# an answer that only points to where the thing is: "See Section 3.", "Section 4 and Appendix B",
# "Table 2", "Sec. 5.1" (a bracketed citation or footnote number may trail it)
_POINTER_ONLY = re.compile(
    r"^\s*(?:(?:please\s+)?(?:see|cf\.?|refer to|in|as (?:described|reported|discussed|stated) in|described in|reported in|discussed in|provided in|included in|given in)\s+)?"
    r"(?:(?:the\s+)?(?:sections?|sec\.|secs\.|\u00a7+|appendix|appendices|app\.|tables?|tab\.|figures?|figs?\.|supplement(?:ary)?(?: materials?)?|paragraphs?|lines?|the (?:paper|main text|abstract|introduction|conclusion)|abstract|introduction|conclusion)"
    r"\s*[A-Z]?[\d.]*[A-Z]?(?:\s*(?:,|and|&|\u2013|-|to)\s*)?)+\s*(?:\[\d+\]\s*)?[.;]?\s*$",
    re.IGNORECASE,
)
# a question that asks whether the paper (not the data) reports something: the answer's marker is
# the authors' word, and "No" admits a gap
_ASKS_REPORTING = re.compile(
    r"^\s*(?:did|do|have|has|does|is|are|was|were)\s+(?:you|the (?:paper|authors?|submission|work|manuscript)|this (?:paper|work|submission))\b"
    r"|\b(?:the paper|this paper|the authors?|you)\s+(?:\w+\s+){0,2}(?:describe|discuss|report|include|provide|state|specify|mention|cite|explain|give|disclose|document)\b",
    re.IGNORECASE,
)
# instructions of a form: "If there is an associated grant, provide the grant number.", "(e.g., ...)"
_FORM_INSTRUCTION = re.compile(
    r"^\s*(?:if\b[^.]{0,120}?,\s*(?:please\s+)?(?:you (?:may|can|should)\s+)?(?:provide|describe|list|explain|specify|give|include|indicate|state|summari[sz]e|identify|name|report|skip)\b"
    r"|\(\s*(?:e\.g\.|i\.e\.|for example)\b"
    r"|the answer (?:na|yes|no)\b|answer \[?(?:yes|no|na)\]?\b"
    r"|(?:describe|discuss|list|explain|specify|indicate|state|provide|summari[sz]e|give|detail|outline|identify|report)"
    r" (?:any|all|the|how|what|whether|if|your|each|which|who|when|where)\b"
    r"|please (?:provide|describe|list|specify|explain|state|give|include|indicate|report)\b)",
    re.IGNORECASE,
)
FORM_QUESTIONS = 10  # question sentences in a file that make it a Q&A form (a datasheet, a checklist)
FORM_MARKS = 4  # bracketed answers or "Answer:" labels in a file that make it a checklist


@dataclass
class FormPart:
    """One sentence's part in a form."""

    role: str  # question | template | answer | pointer
    question: str = ""  # the question this answer (or its first sentence) answers
    text: str = ""  # the answer's own words: markers and labels removed ("" for a bare marker)
    mark: str = ""  # yes | no | na | "" (a free answer)
    reporting: bool = False  # the question asks whether the paper reports something
    first: bool = False  # the answer's first sentence (the one that answers the question)


def _style(doc: Any, s: Any) -> tuple[bool, bool, str] | None:
    """(bold, italic, font family) of the line under the sentence's first box."""
    box = s.boxes[0] if getattr(s, "boxes", None) else None
    page_no, bb = (box.page, box.bbox) if box is not None else (s.page, s.bbox)
    try:
        page = doc.page(s.doc, page_no)
    except (KeyError, IndexError, ValueError, StopIteration):
        return None
    if page is None:
        return None
    for b in page.blocks:
        for ln in b.lines:
            x0, y0, x1, y1 = ln.bbox
            if min(y1, bb[3]) - max(y0, bb[1]) > 0.5 * max(1.0, min(y1 - y0, bb[3] - bb[1])) and min(x1, bb[2]) > max(x0, bb[0]):
                font = re.sub(r"[-,].*$", "", ln.font or "")
                font = re.sub(r"\d+$", "", font)  # CMR12 / CMR10: one family
                return (bool(ln.bold), bool(ln.italic), font)
    return None


def _strip_lead(text: str) -> str:
    return _ITEM_LEAD.sub("", text, count=1)


def answer_mark(text: str) -> tuple[str, str]:
    """(mark, the words after it) of an answer's first sentence; ("", text) without a marker."""
    t = _LABEL.sub("", text, count=1)
    m = _ANSWER_LEAD.match(t)
    if not m:
        return "", t.strip()
    word = (m.group(1) or m.group(2) or "").lower().replace(" ", "")
    box = m.group(3) or ""
    if box:
        mark = "yes" if box in "\u2713\u2714\u2611" else "no"
    elif word.startswith("yes") or word.startswith("partial"):
        mark = "yes"
    elif word in ("no",):
        mark = "no"
    else:
        mark = "na"
    rest = _LABEL.sub("", t[m.end():], count=1).strip()
    if m.group(2) and rest and not text.lstrip().lower().startswith("answer"):
        rest = t.strip()  # "Yes, CC-BY license.": the answer is quoted as printed
    return mark, rest


# an answer that points to another answer or to what the form says elsewhere: "Please see list
# above.", "See above.", "As above", "See the previous answer."
_POINTER_BACK = re.compile(
    r"^\s*(?:(?:please\s+)?(?:see|refer to|cf\.?)\s+|as\s+)(?:the\s+)?(?:(?:list|table|answer|response|question|description|section|discussion)s?\s+)?"
    r"(?:above|below|before|previous(?:ly)?|earlier)(?:\s+(?:answer|response|question|section)s?)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
# the words an answer may add to its marker without saying anything of its own ("Yes, it does.",
# "No, we did not.")
_ASSENT = frozenset(
    "it does do did is are was were has have had not we they there this that so indeed none n/a na yes no all of them "
    "the same applies none known".split()
)


def is_pointer_only(text: str) -> bool:
    return bool(text.strip()) and bool(_POINTER_ONLY.match(text) or _POINTER_BACK.match(text))


def says_nothing_itself(text: str) -> bool:
    """An answer that is its marker and assent words only ("Yes, it does.", "No."): what it states
    is the question's content."""
    words = re.findall(r"[\w/']+", text.lower())
    return all(w in _ASSENT for w in words)


def _is_form_doc(sents: list[Any], sections: Sequence[Any] = ()) -> bool:
    questions = sum(1 for s in sents if QUESTION_END.search(s.text) or _INLINE_ANSWER.search(s.text))
    # a datasheet's questions set as headings
    docs = {s.doc for s in sents}
    questions += sum(1 for sec in sections if getattr(sec, "doc", None) in docs and QUESTION_END.search(getattr(sec, "title", "") or ""))
    marks = sum(1 for s in sents if re.search(rf"\[\s*{_MARK_WORD}\s*\]|^\s*Answer\s*:", s.text, re.I))
    return questions >= FORM_QUESTIONS or marks >= FORM_MARKS


def read_forms(doc: Any, sections: Sequence[Any] = ()) -> dict[int, FormPart]:
    """Sentence index -> its part in a Q&A form, for the files that hold one (a datasheet, a paper
    checklist); sentences outside forms are absent."""
    sentences = doc.sentences
    by_doc: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_doc.setdefault(s.doc, []).append(i)
    out: dict[int, FormPart] = {}
    for idx in by_doc.values():
        if not _is_form_doc([sentences[i] for i in idx], sections):
            continue
        region = _form_region(sentences, idx, sections)
        if region:
            out.update(_read_file(doc, sentences, region, sections))
    return out


# a form's question asks the authors about their work or its artefact ("Who funded the creation of
# the dataset?", "Did you report error bars?", "Does the paper discuss ...?"); an example prompt
# ("The speed of sound is generally greatest in _"), a query of a data set or a research question
# does not
_ADDRESSES = re.compile(
    r"\b(?:you|your|the authors?|(?:the|this) (?:paper|work|submission|manuscript|study|research|project)"
    r"|(?:the|this|its|each) (?:dataset|data ?set|data|corpus|collection|instances?|model|system|benchmark|resource|assets?)"
    r"|dataset|instances?|data collection|licen[cs]e|funded|consent|annotators?|participants?|subjects?)\b",
    re.IGNORECASE,
)
FORM_ADDRESSED = 0.5  # share of a run's questions that must address the work or its artefact
FORM_GAP = 40  # sentences at most between two questions of one form
FORM_RUN = 8  # questions in a run that make it a form (fewer, far apart: a paper's rhetorical questions)


def _asks_here(s: Any, first_of_section: bool, sections: Sequence[Any]) -> bool:
    t = s.text
    if QUESTION_END.search(t) or _INLINE_ANSWER.search(t) or re.match(r"^\s*Question\s*\d{0,3}\s*:", t, re.I):
        return True
    if first_of_section and s.section is not None and s.section < len(sections):
        return bool(QUESTION_END.search(getattr(sections[s.section], "title", "") or ""))
    return False


def _question_block(sentences: Sequence[Any], idx: list[int], is_q: list[bool], k: int) -> str:
    j = k
    while j > 0 and is_q[j - 1]:
        j -= 1
    return " ".join(sentences[idx[x]].text for x in range(j, k + 1))


def _form_region(sentences: Sequence[Any], idx: list[int], sections: Sequence[Any]) -> list[int]:
    """The sentences of a file that belong to its forms: runs of at least FORM_RUN questions, each
    within FORM_GAP sentences of the next, with the last question's answer (to the end of its
    section, at most FORM_GAP sentences). A paper with a datasheet in its appendix keeps its
    prose, and its rhetorical questions, out of the form."""
    is_q: list[bool] = []
    prev_sec = None
    for i in idx:
        s = sentences[i]
        is_q.append(_asks_here(s, s.section != prev_sec, sections))
        prev_sec = s.section
    # a form's question is answered: the last question of a block (one or more questions that
    # open their paragraph, not a question inside a paragraph of prose) followed by an answer, or
    # a question with its answer after it on the line; a questionnaire's list of questions, an
    # example prompt and a rhetorical question are not
    asks: list[int] = []  # positions in idx
    for k, i in enumerate(idx):
        if not is_q[k]:
            continue
        s = sentences[i]
        if _INLINE_ANSWER.search(s.text):
            asks.append(k)
            continue
        if k + 1 >= len(idx) or is_q[k + 1]:
            continue
        j = k
        while j > 0 and is_q[j - 1] and sentences[idx[j - 1]].doc == s.doc:
            j -= 1
        first = sentences[idx[j]]
        before = sentences[idx[j - 1]] if j > 0 else None
        if (before is None or before.paragraph != first.paragraph or len(re.findall(r"[^\W\d_]", before.text)) < 3
                or _FORM_INSTRUCTION.search(_strip_lead(before.text))):
            asks.append(k)
    keep: list[int] = []
    run: list[int] = []
    for k in asks + [None]:  # type: ignore[list-item]
        if k is not None and (not run or k - run[-1] <= FORM_GAP):
            run.append(k)
            continue
        addressed = sum(1 for q in run if _ADDRESSES.search(_question_block(sentences, idx, is_q, q)))
        if len(run) >= FORM_RUN and addressed >= FORM_ADDRESSED * len(run):
            end = run[-1] + 1
            sec = sentences[idx[run[-1]]].section
            while end < len(idx) and end - run[-1] <= FORM_GAP:
                s = sentences[idx[end]]
                if s.section != sec and not _asks_here(s, True, sections):
                    break
                end += 1
            keep.extend(range(run[0], end))
        run = [k] if k is not None else []
    return [idx[k] for k in sorted(set(keep))]


def _read_file(doc: Any, sentences: Sequence[Any], idx: list[int], sections: Sequence[Any]) -> dict[int, FormPart]:
    # the typography of the questions: the style most of them share, if the prose does not
    styles = {i: _style(doc, sentences[i]) for i in idx}
    q_styles = Counter(styles[i] for i in idx if QUESTION_END.search(sentences[i].text) and styles[i] is not None)
    body = Counter(styles[i] for i in idx if styles[i] is not None and not QUESTION_END.search(sentences[i].text))
    q_style = None
    if q_styles:
        st, n = q_styles.most_common(1)[0]
        if n >= 0.6 * sum(q_styles.values()) and body and st != body.most_common(1)[0][0]:
            q_style = st
    parts: dict[int, FormPart] = {}
    question = ""
    reporting = False
    in_question = False  # the previous sentence was part of a question block
    guidelines = False
    prev_section = None
    answer_started = False
    cur_mark = ""
    prev_text = ""
    for i in idx:
        s = sentences[i]
        text = s.text.strip()
        last, prev_text = prev_text, text
        label = _LABEL.match(text)
        lab = label.group(1).lower() if label else ""
        # a section whose title is the question (a datasheet's questions set as headings)
        if s.section is not None and s.section != prev_section and s.section < len(sections):
            title = getattr(sections[s.section], "title", "") or ""
            if QUESTION_END.search(title):
                question, reporting, answer_started = _strip_lead(title).strip(), bool(_ASKS_REPORTING.search(_strip_lead(title))), False
        prev_section = s.section
        if lab == "guidelines":
            guidelines = True
            parts[i] = FormPart("template")
            continue
        if lab == "question":
            guidelines = False
        if guidelines and not QUESTION_END.search(text) and lab not in ("answer", "justification"):
            parts[i] = FormPart("template")
            continue
        guidelines = False
        inline = _INLINE_ANSWER.search(text)
        if inline:  # "(b) Did you describe the limitations of your work? [Yes] See Section 6."
            q = _strip_lead(_LABEL.sub("", text[:inline.start() + 1], count=1)).strip()
            question, reporting = q, bool(_ASKS_REPORTING.search(q))
            parts[i] = _answer(text[inline.end():], question, reporting)
            answer_started, in_question = True, False
            continue
        styled = q_style is not None and styles[i] == q_style
        is_q = bool(QUESTION_END.search(text)) or lab == "question"
        is_instr = bool(_FORM_INSTRUCTION.search(_strip_lead(text)))
        # a question or instruction cut before its end ("If so, please describe" | "(or show with
        # screenshots ...) how consent was requested ...") goes on in the next sentence
        cut = in_question and not re.search(r"[.?!:;][\"\u201d')\]]*\s*$", last)
        if is_q or is_instr or (styled and in_question) or cut:
            q = _strip_lead(_LABEL.sub("", text, count=1)).strip()
            if in_question and question:
                question = f"{question} {q}"
            else:
                question = q
                reporting = bool(_ASKS_REPORTING.search(q))
            parts[i] = FormPart("question", question=question, reporting=reporting)
            in_question, answer_started = True, False
            continue
        if styled and is_instr:
            parts[i] = FormPart("template")
            continue
        in_question = False
        if not question:
            continue  # prose before the form's first question
        if not answer_started:
            parts[i] = _answer(text, question, reporting)
            cur_mark = parts[i].mark
            answer_started = True
        else:
            mark, rest = answer_mark(text) if lab in ("answer", "justification") else ("", text)
            cur_mark = mark or cur_mark
            rest = _LABEL.sub("", rest, count=1).strip() or rest
            # "Answer: [Yes]" then "Justification: See Section 3": the justification only points
            role = "pointer" if lab == "justification" and is_pointer_only(rest) else "answer"
            parts[i] = FormPart(role, question=question, text=rest, mark=cur_mark, reporting=reporting)
    return parts


def _answer(text: str, question: str, reporting: bool) -> FormPart:
    mark, rest = answer_mark(text)
    role = "pointer" if mark != "no" and mark != "na" and is_pointer_only(rest) else "answer"
    if is_pointer_only(rest) and mark in ("no", "na"):
        rest = ""
    return FormPart(role, question=question, text=rest, mark=mark, reporting=reporting, first=True)
