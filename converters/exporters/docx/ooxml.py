"""WordprocessingML that python-docx does not write: East Asian fonts, the Chinese
line-breaking lists, font fallbacks, fields and bookmarks.

python-docx sets ``w:rFonts/@w:ascii`` only, so Word sets Chinese in whatever
the theme says; theme attributes override explicit names; Word expects the
children of ``w:settings`` in schema order and refuses a file otherwise.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: Word's own defaults for Simplified Chinese (what a zh-CN install writes)
NO_BREAK_BEFORE = ("!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠"
                   "，—")
NO_BREAK_AFTER = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥"

# CT_Settings children in schema order (ECMA-376 Part 1, §17.15.1.78), as far
# as anything here inserts them.
_SETTINGS_ORDER = [
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
    "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
    "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
    "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
    "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
    "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
    "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
    "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
]


def element(tag: str, **attributes: str) -> OxmlElement:
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), value)
    return node


def indent(side: str, chars: float, size: float) -> dict[str, str]:
    """``w:ind`` attributes for an indent of ``chars`` characters of ``size`` points on
    ``side`` (left, right, firstLine): in characters, which Word and WPS honour, and in
    twips, which LibreOffice reads only."""
    return {f"{side}Chars": str(int(chars * 100)), side: str(int(chars * size * 20))}


def set_setting(settings, tag: str, **attributes: str) -> None:  # type: ignore[no-untyped-def]
    """Put ``w:<tag>`` into ``w:settings`` at its schema position (replacing one there)."""
    root = settings.element
    for old in root.findall(qn(f"w:{tag}")):
        root.remove(old)
    node = element(f"w:{tag}", **attributes)
    rank = _SETTINGS_ORDER.index(tag)
    for index, child in enumerate(root):
        name = child.tag.rsplit("}", 1)[-1]
        if name in _SETTINGS_ORDER and _SETTINGS_ORDER.index(name) > rank:
            root.insert(index, node)
            return
    root.append(node)


def chinese_line_breaking(settings) -> None:  # type: ignore[no-untyped-def]
    """Kinsoku lists in the file, so breaking does not depend on the reader's defaults."""
    set_setting(settings, "characterSpacingControl", val="compressPunctuation")
    set_setting(settings, "noLineBreaksAfter", lang="zh-CN", val=NO_BREAK_AFTER)
    set_setting(settings, "noLineBreaksBefore", lang="zh-CN", val=NO_BREAK_BEFORE)
    set_setting(settings, "themeFontLang", val="en-US", eastAsia="zh-CN")


def set_run_fonts(rpr, east_asia: str, latin: str) -> None:  # type: ignore[no-untyped-def]
    """Explicit faces where Word reads them; theme attributes would override them."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        if "theme" in name.lower():
            del fonts.attrib[name]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_language(rpr) -> None:  # type: ignore[no-untyped-def]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")


def strip_theme_fonts(root) -> None:  # type: ignore[no-untyped-def]
    """Remove theme font and colour attributes anywhere under ``root`` (styles,
    docDefaults): a theme reference wins over an explicit name in Word."""
    for tag in ("w:rFonts", "w:color"):
        for node in root.iter(qn(tag)):
            for name in list(node.attrib):
                if "theme" in name.lower():
                    del node.attrib[name]


def declare_font(font_table, name: str, fallback: str | None) -> None:  # type: ignore[no-untyped-def]
    """A w:font entry: a GB2312 face, what to substitute, and hints for Word's matcher."""
    for existing in font_table.findall(qn("w:font")):
        if existing.get(qn("w:name")) == name:
            font_table.remove(existing)
    font = element("w:font", name=name)
    if fallback:
        font.append(element("w:altName", val=fallback))
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in name + (fallback or "")) or "GB" in name
    font.append(element("w:charset", val="86" if chinese else "00"))
    font.append(element("w:family", val="modern" if chinese else "roman"))
    font.append(element("w:pitch", val="variable"))
    font_table.append(font)


def bookmark(paragraph, name: str, number: int) -> None:  # type: ignore[no-untyped-def]
    """A bookmark around the paragraph's content (what the contents links to)."""
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0,
                        element("w:bookmarkStart", id=str(number), name=name))
    paragraph._p.append(element("w:bookmarkEnd", id=str(number)))


def link_to_bookmark(paragraph, anchor: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A link to a bookmark in the document, shown as ``text``."""
    link = element("w:hyperlink", anchor=anchor, history="1")
    run = element("w:r")
    shown = element("w:t")
    shown.set(qn("xml:space"), "preserve")
    shown.text = text
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


def _append_run(paragraph, child) -> None:  # type: ignore[no-untyped-def]
    run = element("w:r")
    run.append(child)
    paragraph._p.append(run)


def field_begin(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """Open a complex field (PAGE, TOC …); what follows until field_end is its cached result."""
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    for child in (element("w:fldChar", fldCharType="begin"), instr,
                  element("w:fldChar", fldCharType="separate")):
        _append_run(paragraph, child)


def field_end(paragraph) -> None:  # type: ignore[no-untyped-def]
    _append_run(paragraph, element("w:fldChar", fldCharType="end"))


def field(paragraph, instruction: str, result: str):  # type: ignore[no-untyped-def]
    """A whole field with a cached result Word shows as is; returns the result's text
    element (to change what it shows)."""
    field_begin(paragraph, instruction)
    text = element("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = result
    _append_run(paragraph, text)
    field_end(paragraph)
    return text
