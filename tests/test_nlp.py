"""The spaCy model as installed, and what it reads from sentences at ingest."""

from __future__ import annotations

from dealqa.nlp import MODEL_VERSION, agent_verb, entities, parse, pipeline, read_sentences


def test_the_installed_model_is_the_published_en_core_web_sm_3_8_0() -> None:
    meta = pipeline().meta
    assert (meta["lang"], meta["version"], meta["license"]) == ("en", MODEL_VERSION, "MIT")
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_each_value_comes_with_the_clause_it_is_stated_in() -> None:
    sentence = "Founded in 2019 in Austin, Texas, Quarry Labs employs 240 people."
    found = {sentence[e.start : e.end]: e for e in entities(parse(sentence))}
    year, count = found["2019"], found["240"]
    assert year.label == "DATE" and count.label == "CARDINAL"
    assert "found" in year.anchors and "employ" not in year.anchors
    assert "employ" in count.anchors and "found" not in count.anchors
    assert dict(zip(count.anchors, count.distances, strict=True))["peopl"] == 1
    assert "Austin, Texas" in found  # a place and the larger place it is in, also as one value
    listed = "It has offices in Austin, Toronto and Dublin."
    assert "Austin, Toronto" not in {listed[e.start : e.end] for e in entities(parse(listed))}  # a list


def test_a_conjoined_verb_and_an_apposition_reach_the_name_they_are_about() -> None:
    made = "The Tern-4 is fabricated by Kaiyuan Foundry in Taichung, and packaged in Penang."
    penang = next(e for e in entities(parse(made)) if made[e.start : e.end] == "Penang")
    assert "tern" in penang.anchors  # the subject of "fabricated" is the subject of "packaged"
    owned = "The venture will be owned by Taloren, the industrial group founded in 1952."
    year = next(e for e in entities(parse(owned)) if owned[e.start : e.end] == "1952")
    assert "taloren" in year.anchors


def test_names_the_model_gives_no_type_are_kept_and_negation_is_read() -> None:
    sued = "Greyfeather Analytics has sued Nimbic AI, accusing the start-up of using trade secrets."
    [(named, asserted, _), (denied, negated, _)] = read_sentences([sued, "The price was not disclosed."])
    assert "Greyfeather Analytics" in {sued[e.start : e.end] for e in named}
    assert negated and not asserted and not denied
    # the lemmas' stems beside the words': "led" is stored as "lead" too
    [(_, _, lemmas)] = read_sentences(["The round was led by Quarry Bank and closed in May."])
    assert {"lead", "close"} <= lemmas


def test_an_amount_in_a_currency_code_is_money() -> None:
    # the small model reads "SEK" as a company and "4.2 billion" as a bare number
    sentence = "Tamsk Freight will pay SEK 4.2 billion for the depots, or CHF 18 a share."
    money = {sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "MONEY"}
    assert {"SEK 4.2 billion", "CHF 18"} <= money
    # ...and with a currency's sign and a scale written onto the number, the model types it in part
    # or not at all ("45" of "£45m"); a scale beside the number is the model's own ("$1.2 billion")
    sentence = "Ulvik Air signed a €900m contract, raised £45m, sold US$300m of bonds and paid $1.2 billion."
    money = {sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "MONEY"}
    assert money == {"€900m", "£45m", "US$300m", "$1.2 billion"}
    sentence = "Lomen Air is funding the jets through a NOK 3.1bn sale-and-leaseback with Skarv Leasing."
    assert "NOK 3.1bn" in {sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "MONEY"}
    # ...but not a code-like word counting a noun, nor a share move
    for sentence in ("The TOP 10 deals closed.", "AMD 5 chips shipped.", "Shares closed NOK 2.3% lower."):
        assert not any(e.label == "MONEY" for e in entities(parse(sentence))), sentence


def test_a_quarter_of_a_year_is_a_date_and_a_gapped_clause_keeps_its_own_values() -> None:
    sentence = "The first ferry is due to sail in Q3 2028 and the last by the end of 2030, Orrey Marine said."
    found = {sentence[e.start : e.end]: e for e in entities(parse(sentence))}
    assert found["Q3 2028"].label == "DATE"  # (the model reads "Q3" as a name)
    # "the last by the end of 2030" leaves out its verb: its date is not the first ferry's
    assert "ferri" in found["Q3 2028"].anchors and "ferri" not in found["the end of 2030"].anchors
    # ...whose verb it keeps ("sell" of "and the rest of its plants to Ditton Group")
    sold = "Quenby Steel will sell its mill to Arlo Metals for $45 million and the rest of its plants to Ditton Group."
    ditton = next(e for e in entities(parse(sold)) if sold[e.start : e.end] == "Ditton Group")
    assert "sell" in ditton.anchors and "mill" not in ditton.anchors
    # ...a phrase with no determiner of its own is no such clause (the parser joins "its first" to a verb)
    owned = "It is Arlo's largest purchase since the company was founded in 2009 and its first in Asia."
    year = next(e for e in entities(parse(owned)) if owned[e.start : e.end] == "2009")
    assert "asia" in year.anchors
    # ...nor is a second object with only its own "of" ("a further earn-out of up to €25 million")
    paid = "The buyer will pay the headline price in cash at closing and a further earn-out of up to €25 million."
    earn_out = next(e for e in entities(parse(paid)) if e.label == "MONEY")
    assert "price" in earn_out.anchors


def test_a_capitalised_word_the_model_took_for_a_function_word_is_part_of_the_name_after_it() -> None:
    sentence = "Chief financial officer Even Marstad said the deal would lift the group's debt."
    people = [sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "PERSON"]
    assert people == ["Even Marstad"]
    # a word in lower case before the name is no part of it
    lower = "The board said even Marstad would back the deal."
    assert [lower[e.start : e.end] for e in entities(parse(lower)) if e.label == "PERSON"] == ["Marstad"]


def test_a_place_the_model_types_in_part_keeps_the_proper_nouns_before_it() -> None:
    sentence = "Kellor will build a fish cannery in General Marcos City on the coast of Varu."
    places = [sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "GPE"]
    assert "General Marcos City" in places
    # (not the capitalised nouns after one, which name a facility or a brand: "Osaka Plant")
    sentence = "The Osaka Plant will close in June, the company said."
    assert "Osaka Plant" not in [sentence[e.start : e.end] for e in entities(parse(sentence))]


def test_an_amount_in_pence_is_money() -> None:
    sentence = "The offer is worth 310p a share, a premium to the undisturbed price of 198.5p."
    money = [sentence[e.start : e.end] for e in entities(parse(sentence)) if e.label == "MONEY"]
    assert money == ["310p", "198.5p"]


def test_a_place_and_the_larger_place_in_apposition_are_also_one_value() -> None:
    text = "Orvik Re was founded in Orvik, Lundra, in 2009 and is backed by a buyout firm."
    places = [text[e.start : e.end] for e in entities(pipeline()(text)) if e.label == "GPE"]
    # (the model types the one-word larger place a person; in apposition to a place it is the place's)
    assert "Orvik, Lundra" in places


def test_a_day_and_its_date_are_also_one_value_but_not_a_list_of_years() -> None:
    text = "The lease was signed on Monday, 8 March 2027, with the receivers."
    assert "Monday, 8 March 2027" in [text[e.start : e.end] for e in entities(pipeline()(text)) if e.label == "DATE"]
    text = "Its revenue rose in 2025, 2026 and 2027."
    assert not any("," in text[e.start : e.end] for e in entities(pipeline()(text)))
    text = "Vellam shares fell 12% on Monday, 2026 forecasts having been cut by analysts."
    assert "Monday, 2026" not in [text[e.start : e.end] for e in entities(pipeline()(text))]


def test_an_agent_noun_gives_the_verb_it_is_made_from() -> None:
    made = {w: agent_verb(w) for w in ("seller", "acquirer", "bidder", "supplier", "operator", "member", "lessor")}
    assert made == {
        "seller": "sell",
        "acquirer": "acquire",
        "bidder": "bid",
        "supplier": "supply",
        "operator": "operate",
        "member": "",
        "lessor": "",
    }


def test_a_number_before_a_currency_name_is_an_amount_of_money() -> None:
    sentence = "Tamsby expects revenue of 1.1 billion euros this year and employs 1,200 people."
    found = {sentence[e.start : e.end]: e.label for e in entities(parse(sentence))}
    assert found["1.1 billion euros"] == "MONEY"
    assert found["1,200"] == "CARDINAL"
