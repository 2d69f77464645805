"""The Russian wording of an amending law's instructions, read: what each instruction does, where
(as citation phrases, resolved later on the law as the earlier instructions left it), with which
words. The wording is that of KR-DRAFTING.md and of ``lawpatch bill`` (:mod:`lawpatch.billtext`):

- «[в …] слова «…» [в различных падежных формах] [во втором случае] заменить словами «…» [в
  соответствующих падежах]»; «[в …] после слов «…» [во всех случаях] дополнить словами «…»»
  («перед словами»); «[в …] слова «…» исключить»; the place: «в абзаце втором пункта 2», «в
  абзацах втором и третьем», «в статьях 336–348», «по всему тексту Кодекса», «в наименовании
  статьи 86», «во втором предложении пункта 1»;
- «… изложить в следующей редакции:», «наименование … изложить …», «второе предложение …
  изложить …», «… исключить», «… признать утратившим силу», «… считать [соответственно] …»;
- «[… ] дополнить пунктом 5 (абзацем вторым, статьей 5-1) следующего содержания:», «после
  абзаца третьего дополнить абзацем следующего содержания:».

Wording it does not know is an error naming the line and the words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import vocabulary as voc
from ..errors import Refusal
from ..patch.model import ALL, Kind, Part, Position

Q = "\u27e6{}\u27e7"                 # a placeholder for the n-th quoted words of the line
_Q = r"\u27e6(\d+)\u27e7"


def _q(name: str) -> str:
    return r"\u27e6(?P<" + name + r">\d+)\u27e7"


@dataclass
class Instruction:
    """One instruction as worded (citation phrases not yet resolved)."""

    line: int
    kind: Kind
    cites: list[str] = field(default_factory=list)    # the units: one, a list; none: the group's unit
    through: str | None = None                         # the last unit of a range
    scope: str = "units"                               # units, act, title
    part: Part = Part.TEXT
    sentence: int | None = None
    old: str = ""
    new: str = ""
    anchor: str = ""
    text: str = ""
    position: Position | None = None                   # insert-words: after/before; insert: after/before an abzats
    occurrence: int | str | None = None
    case_forms: bool = False
    what: tuple[str, list[str]] | None = None          # insert: the unit word and the numbers/ordinals
    relative: tuple[str, int | None] | None = None     # insert: («абзац», 3) of «после абзаца третьего»;
                                                       # (citation, None) of «перед статьей 7»
    to: list[str] = field(default_factory=list)        # renumber: the new numbers, in order
    marks: bool = False                                # replace-words of the mark ending the unit: old, new
                                                       # are the marks («.», «;»), the words found on the law


class WordingError(Refusal):
    def __init__(self, line: int, words: str, why: str = "", hint: str = ""):
        super().__init__("PARSE.WORDING", f"cannot read «{words}»" + (f": {why}" if why else ""), hint)
        self.line = line


# --- quoted words -------------------------------------------------------------------------------

def skeleton(text: str) -> tuple[str, list[str]]:
    """The words with each quoted part («…», or "…" as older texts print them) replaced by a
    placeholder, and the quoted parts."""
    quoted: list[str] = []
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "«" or (c in "\"“" and (i == 0 or text[i - 1] in " («:")):
            end = _closing(text, i)
            if end is None:
                raise ValueError(f"the quote opened at «{text[i:i + 30]}» is not closed")
            quoted.append(text[i + 1:end])
            out.append(Q.format(len(quoted) - 1))
            i = end + 1
            continue
        out.append(c)
        i += 1
    return "".join(out), quoted


def _closing(text: str, start: int) -> int | None:
    if text[start] == "«":
        depth = 0
        for j in range(start, len(text)):
            depth += {"«": 1, "»": -1}.get(text[j], 0)
            if depth == 0:
                return j
        return None
    depth = 0
    for j in range(start + 1, len(text)):
        if text[j] not in "\"”":
            continue
        after = text[j + 1:j + 2]
        if after == "" or after in " ;,.:)»" and not (text[j - 1] == " "):
            if depth == 0:
                return j
            depth -= 1
        elif text[j - 1] in " («":
            depth += 1
    return None


# --- the wording ---------------------------------------------------------------------------------

_OCC = r"(?:\s+(?P<occ>во всех случаях|во?\s+[а-яё ]+?\s+случае))?"
_QW_NOM = r"(?:слова|слово|цифры|цифру)\s+" + _q("q1")
_QW_INS = r"(?:словами|словом|цифрами|цифрой)\s+" + _q("q2")
_ANCHOR = r"(?:слов|слова|цифр|цифры|словами|словом|цифрами|цифрой)\s+" + _q("q1")

_REPLACE = re.compile(rf"^(?P<place>.*?)\s*{_QW_NOM}(?P<cf>\s+в различных падежных формах)?{_OCC}\s+заменить\s+"
                      rf"{_QW_INS}(?:\s+в соответствующих падежах)?$")
_INSERT_WORDS = re.compile(rf"^(?P<place>.*?)\s*(?P<side>после|перед)\s+{_ANCHOR}{_OCC}\s+дополнить\s+{_QW_INS}$")
_DELETE_WORDS = re.compile(rf"^(?P<place>.*?)\s*{_QW_NOM}{_OCC}\s+исключить$")
_MARK_NAMES = "|".join(sorted((re.escape(n) for names in voc.MARKS.values() for n in names[:2]), key=len, reverse=True))
_MARK = re.compile(rf"^(?P<place>.*?)(?P<occ>)\s*(?P<m1>{_MARK_NAMES})(?:\s+в\s+конце(?:\s+предложения)?)?\s+заменить\s+"
                   rf"(?P<m2>{_MARK_NAMES})$")
_RESTATE = re.compile(rf"^(?P<what>.+?)\s+изложить\s+в\s+следующей\s+редакции:?(?:\s*{_q('q1')})?$")
_REPEAL = re.compile(r"^(?P<what>.+?)\s+признать\s+утративш(?:им|ей|ими|ее)\s+силу$")
_DELETE = re.compile(r"^(?P<what>.+?)\s+исключить$")
_RENUMBER = re.compile(r"^(?P<what>.+?)\s+считать\s+(?P<resp>соответственно\s+)?(?P<to>.+)$")
_INSERT = re.compile(r"^(?P<head>.*?)\s*дополнить\s+(?P<what>.+?)\s+следующего\s+содержания:?$")
_RELATIVE = re.compile(r"^(?P<loc>в\s+.+?\s+)?(?P<side>после|перед)\s+(?P<noun>\S+)\s+(?P<ord>.+)$")


def read(item_text: str, line: int, block: str | None) -> Instruction:
    """One instruction's words (its quoted block, if any, beside them)."""
    text = _sentence_case(item_text.rstrip(" ;."))
    try:
        skel, quoted = skeleton(text)
    except ValueError as exc:
        raise WordingError(line, text, str(exc)) from None
    q = lambda m, name: _clean(quoted[int(m.group(name))])  # noqa: E731

    m = _REPLACE.match(skel)
    if m:
        ins = Instruction(line, Kind.REPLACE_WORDS, old=q(m, "q1"), new=q(m, "q2"), case_forms=bool(m.group("cf")))
        return _placed(ins, m, skel, quoted, line)
    m = _MARK.match(skel)
    if m and voc.mark_of(m.group("m1"), "acc") and voc.mark_of(m.group("m2"), "ins"):
        ins = Instruction(line, Kind.REPLACE_WORDS, old=voc.mark_of(m.group("m1"), "acc"),
                          new=voc.mark_of(m.group("m2"), "ins"), marks=True)
        return _placed(ins, m, skel, quoted, line)
    m = _INSERT_WORDS.match(skel)
    if m:
        ins = Instruction(line, Kind.INSERT_WORDS, anchor=q(m, "q1"), new=q(m, "q2"),
                          position=Position.AFTER if m.group("side") == "после" else Position.BEFORE)
        return _placed(ins, m, skel, quoted, line)
    m = _DELETE_WORDS.match(skel)
    if m:
        return _placed(Instruction(line, Kind.DELETE_WORDS, old=q(m, "q1")), m, skel, quoted, line)
    m = _RESTATE.match(skel)
    if m:
        body = q(m, "q1") if m.group("q1") is not None else block
        if body is None:
            raise WordingError(line, text, "the new wording is not given", "quote it after the colon: «…»")
        return _unit_restate(_back(m.group("what"), quoted), line, body)
    m = _REPEAL.match(skel)
    if m:
        return _cited(Instruction(line, Kind.REPEAL), _back(m.group("what"), quoted), line)
    m = _INSERT.match(skel)
    if m:
        if block is None:
            raise WordingError(line, text, "the text to add is not given", "quote it after the colon: «…»")
        return _insert(_back(m.group("head"), quoted), _back(m.group("what"), quoted), line, _clean(block))
    m = _RENUMBER.match(skel)
    if m:
        ins = Instruction(line, Kind.RENUMBER, to=_numbers(_back(m.group("to"), quoted), line))
        return _cited(ins, _back(m.group("what"), quoted), line)
    m = _DELETE.match(skel)
    if m:
        what = _back(m.group("what"), quoted)
        sentence = _sentence(what)
        if sentence:
            n, owner = sentence
            return Instruction(line, Kind.DELETE, cites=[owner] if owner else [], part=Part.SENTENCE, sentence=n)
        return _cited(Instruction(line, Kind.DELETE), what, line)
    raise WordingError(line, text, "not an instruction lawpatch knows",
                       "see docs/drafting.md for the wording («слова «…» заменить словами «…»», «… изложить в "
                       "следующей редакции:», «… дополнить пунктом 5 следующего содержания:» …)")


def _sentence_case(text: str) -> str:
    """A single instruction starts with a capital («Статью 12 дополнить …»)."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _clean(text: str) -> str:
    """Quoted words as the law prints them (the bill's no-break space after «№» is the law's space)."""
    return text.replace("\u00a0", " ")


def _back(words: str, quoted: list[str]) -> str:
    """Words with their placeholders turned back into the quoted text («подпункт "в"»)."""
    return re.sub(_Q, lambda m: f'"{quoted[int(m.group(1))]}"', words or "").strip()


def _occurrence(phrase: str | None, line: int):
    if not phrase:
        return None
    if phrase == "во всех случаях":
        return ALL
    words = re.sub(r"^во?\s+|\s+случае$", "", phrase)
    value = voc.ordinal_value(words)
    if value is None:
        raise WordingError(line, phrase, "not an occurrence («во втором случае», «во всех случаях»)")
    return value


def _placed(ins: Instruction, m, skel: str, quoted: list[str], line: int) -> Instruction:
    """A word instruction's place («в абзаце втором», «по всему тексту Кодекса» …)."""
    ins.occurrence = _occurrence(m.group("occ"), line)
    place = _back(m.group("place"), quoted).strip()
    if not place:
        return ins
    if re.match(r"^по\s+всему\s+тексту\b", place):
        ins.scope = "act"
        return ins
    m2 = re.match(r"^в\s+наименовании(?:\s+(?P<of>.+))?$", place)
    if m2:
        of = m2.group("of")
        if of is None:
            ins.part = Part.HEADING
        elif _is_unit_phrase(of):
            ins.part, ins.cites = Part.HEADING, [of]
        else:
            ins.scope = "title"
        return ins
    m2 = re.match(r"^во?\s+(?P<rest>.+)$", place)
    if not m2:
        raise WordingError(line, place, "not a place in the law («в абзаце втором пункта 2», «по всему тексту …»)")
    rest = m2.group("rest")
    sentence = _sentence(rest)
    if sentence:
        ins.part, ins.sentence = Part.SENTENCE, sentence[0]
        ins.cites = [sentence[1]] if sentence[1] else []
        return ins
    ins.cites, ins.through = expand(rest, line)
    return ins


_SENTENCE = re.compile(r"^(?P<ord>[а-яё]+(?:\s+[а-яё]+)?)\s+предложени[а-яё]*(?:\s+(?P<owner>.+))?$")


def _sentence(words: str) -> tuple[int, str] | None:
    """(n, the owner's citation) of «второе предложение пункта 1» / «во втором предложении»."""
    m = _SENTENCE.match(words)
    if not m:
        return None
    value = voc.ordinal_value(m.group("ord"))
    return (value, (m.group("owner") or "").strip()) if value else None


def _unit_restate(what: str, line: int, body: str) -> Instruction:
    m = re.match(r"^наименование(?:\s+(?P<of>.+))?$", what)
    if m:
        of = m.group("of")
        if of is not None and not _is_unit_phrase(of):     # «наименование Закона»: the title
            return Instruction(line, Kind.RESTATE, scope="title", text=body)
        return Instruction(line, Kind.RESTATE_HEADING, cites=[of] if of else [], text=body)
    sentence = _sentence(what)
    if sentence:
        n, owner = sentence
        return Instruction(line, Kind.RESTATE, cites=[owner] if owner else [], part=Part.SENTENCE, sentence=n,
                           text=body)
    return _cited(Instruction(line, Kind.RESTATE, text=body), what, line)


def _cited(ins: Instruction, what: str, line: int) -> Instruction:
    ins.cites, ins.through = expand(what, line)
    if ins.kind not in (Kind.RENUMBER, Kind.DELETE, Kind.REPEAL) and (len(ins.cites) > 1 or ins.through):
        raise WordingError(line, what, f"one {ins.kind} names one unit", "one instruction per unit")
    return ins


def _insert(head: str, what: str, line: int, block: str) -> Instruction:
    """«[owner] дополнить пунктом 5 …» / «[в …] после абзаца третьего дополнить абзацем …»."""
    ins = Instruction(line, Kind.INSERT, text=block)
    m = re.match(r"^(?P<noun>[а-яё]+)(?:\s+(?P<items>.+))?$", what)
    noun = _singular(m.group("noun")) if m else None
    if noun is None:
        raise WordingError(line, what, "not a unit to add («пунктом 5», «абзацем вторым», «статьей 5-1»)")
    ins.what = (noun, _items(m.group("items") or ""))
    rel = _RELATIVE.match(head) if head else None
    if rel:
        rnoun = _singular(rel.group("noun"))
        value = voc.ordinal_value(rel.group("ord"))
        if rnoun is None:
            raise WordingError(line, head, "not a place to add after («после абзаца третьего»)")
        # «после абзаца третьего» counts abzats; «перед статьей 7», «после пункта 3» cite a unit
        ins.relative = (rnoun, value) if value is not None and rnoun in ("абзац", "часть") else \
            (f"{rel.group('noun')} {rel.group('ord')}", None)
        ins.position = Position.AFTER if rel.group("side") == "после" else Position.BEFORE
        loc = (rel.group("loc") or "").strip()
        ins.cites = [re.sub(r"^во?\s+", "", loc)] if loc else []
        return ins
    if head and not re.fullmatch(r"(?:кодекс|закон|конституцию|настоящий\s+\S+)", head.lower()):
        ins.cites = [head]
    return ins


# --- unit words and lists ----------------------------------------------------------------------

def _forms() -> dict[str, str]:
    """Every case form of the unit words, singular and plural → the unit's name («абзацах» → «абзац»)."""
    out: dict[str, str] = {}
    for name, noun in voc.RU_NOUNS.items():
        if " " in name:
            continue
        for form in noun.singular + noun.plural:
            out.setdefault(form, name)
    return out


_FORMS = _forms()


def _singular(word: str) -> str | None:
    return _FORMS.get(word.lower())


def _is_unit_phrase(words: str) -> bool:
    first = words.split()[0].lower() if words.split() else ""
    return first in _FORMS or first in ("подпункта", "подпункт")


_LIST_SPLIT = re.compile(r"\s*,\s*|\s+и\s+")
_RANGE = re.compile(r"\s*[–—]\s*|(?<=\D)\s*-\s*(?=\D)")


def _items(words: str) -> list[str]:
    """«4-1», «2 и 3», «втором и третьем», «26–29»: the numbers or ordinal words of a list."""
    words = words.strip()
    if not words:
        return []
    return [x.strip() for x in _LIST_SPLIT.split(words) if x.strip()]


def expand(phrase: str, line: int) -> tuple[list[str], str | None]:
    """A citation phrase as single citations: «абзацах втором и третьем пункта 2» → [«абзац втором
    пункта 2», «абзац третьем пункта 2»]; «статьях 336–348» → ([«статья 336»], «статья 348»);
    a single unit stays as it is (the lists and ranges are read by :func:`lawpatch.citations.split_many`)."""
    from ..citations import split_many

    phrase = phrase.strip()
    if not re.match(r"^[а-яё]+\s+\S", phrase, re.I):
        raise WordingError(line, phrase, "not a citation of a unit")
    many = split_many(phrase)
    if many is None:
        return [phrase], None
    name, items, is_range, rest = many
    suffix = f" {rest}" if rest else ""
    if is_range:
        return [f"{name} {items[0]}{suffix}"], f"{name} {items[-1]}{suffix}"
    return [f"{name} {item}{suffix}" for item in items], None


def _numbers(words: str, line: int) -> list[str]:
    """The new numbers of «считать соответственно пунктами 2–4» / «статьей 233-1» / «пунктами 1 и 2»."""
    m = re.match(r"^(?P<noun>[а-яё]+)\s+(?P<items>.+)$", words.strip())
    if not m or _singular(m.group("noun")) is None:
        raise WordingError(line, words, "not the units to count as («пунктами 2–4», «статьей 6»)")
    out: list[str] = []
    for item in _items(m.group("items")):
        item = item.strip('"«»')
        rng = re.fullmatch(r"(\d+)\s*[–—]\s*(\d+)", item)
        if rng and int(rng.group(1)) < int(rng.group(2)):
            out += [str(n) for n in range(int(rng.group(1)), int(rng.group(2)) + 1)]
        else:
            out.append(item)
    return out
