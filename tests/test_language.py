from transforms.language import detect_language


def test_detect_language_english_news_is_en():
    assert detect_language("The minister said that the plan would be published by the end of the year.") == "en"


def test_detect_language_french_is_und():
    assert detect_language("Le ministre a déclaré que le projet serait publié avant la fin de l'année.") == "und"


def test_detect_language_too_few_words_is_und():
    assert detect_language("Ok, 42!") == "und"


def test_detect_language_non_ascii_letters_split_words():
    # "thé" is not "the": the accented letter ends the word, as a regex [a-z]+ would read it
    assert detect_language("thé thé thé thé thé thé thé thé thé thé thé") == "und"
    assert detect_language("Über the straße of the städte and the rest") == "en"
