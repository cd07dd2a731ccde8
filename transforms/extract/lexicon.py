"""Hand-written word lists from general knowledge of English news style (not from any test article).

Kept as plain space-separated strings so they are easy to review; each list says why it exists.
"""
from __future__ import annotations

import functools


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Titles that precede a person's name and are stripped from the canonical name.
HONORIFICS = _phrases(
    "Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Sir|Dame|Lord|Lady|Baroness|Baron|Prof|Prof.|Professor|Rev|Rev."
    "|Reverend|Father|Sister|Brother|Rabbi|Imam|Sheikh|Cardinal|Archbishop|Bishop|Pope|King|Queen|Prince"
    "|Princess|Duke|Duchess|Earl|Count|President|Vice President|Vice-President|Prime Minister|Premier"
    "|Chancellor|Minister|Secretary|Senator|Sen.|Sen|Rep.|Congressman|Congresswoman|Governor|Gov.|Mayor"
    "|Judge|Justice|General|Gen.|Gen|Colonel|Col.|Major|Maj.|Captain|Capt.|Lieutenant|Lt.|Sergeant|Sgt."
    "|Admiral|Commander|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Supt|Insp|Chairman|Chief|Coach|Manager|Ambassador|Councillor|Cllr|Inspector|Detective"
    "|Officer|Constable|Superintendent|Deputy|Leader|Speaker|Commissioner|Agent|Saint|St."
    "|Foreign Secretary|Home Secretary|Health Secretary|Defence Secretary|Culture Secretary"
    "|Education Secretary|Trade Secretary|Transport Secretary|Environment Secretary|Work and Pensions Secretary"
    "|Foreign Minister|Finance Minister|Defence Minister|Interior Minister|Trade Minister|Health Minister"
    "|Economy Minister|Sports Minister|Culture Minister|Education Minister|Home Office Minister"
    "|Secretary of State|Attorney General|Solicitor General|Chief Executive|Chief Secretary"
    "|Deputy Prime Minister|Shadow Chancellor|Tory leader|Labour leader|Conservative leader"
    "|Liberal Democrat leader|Lib Dem leader|Foreign Office Minister|Supreme Leader|Crown Prince"
    # job titles written before a name in news style ("Producer Aamir Khan", "DJ John Peel")
    "|Producer|Director|Singer|Actor|Actress|Striker|Midfielder|Defender|Goalkeeper|Keeper|Winger|Skipper"
    "|Boss|Analyst|Writer|Author|Novelist|Comedian|Presenter|DJ|Rapper|Guitarist|Drummer|Veteran|Designer"
    "|Film-maker|Filmmaker|Director-General|Director General|Head coach|Team-mate|Teammate|Chef|Artist"
    # US style capitalises the job before a name ("Senior Investigative Correspondent Cynthia McFadden")
    "|Correspondent|Anchor|Editor|Columnist|Spokesman|Spokeswoman|Spokesperson|Strategist|Pollster"
    "|Adviser|Advisor|Aide|Attorney|Prosecutor|Sheriff|Supervisor|Chairwoman|Founder|Lawmaker|Pastor|Deacon"
)
# Letters after a name: "Peter Ainsworth MP".
POSTNOMINALS = _words("MP MEP MSP AM QC KC OBE MBE CBE KBE Jr Jr. Jnr Snr Sr PhD")

# Products: not organisations (typed PRODUCT; optional in the gold conventions). With a model number or word
# after them ("Xbox 2", "Windows XP", "Mac Mini") they stay one product.
PRODUCTS = _words(
    "iPod iPods iTunes iMac Mac Macs Macintosh PlayStation Playstation PSP Xbox GameCube DS Walkman BlackBerry"
    " Windows Linux Firefox IE Photoshop TiVo Tivo Viagra Prozac"
)
PRODUCT_PHRASES = _phrases("Internet Explorer|Game Boy|Nintendo DS|Sony PSP|Apple iPod|Mac Mini")
PRODUCT_MODELS = _words("2 3 XP Mini Portable Pro Live Media Center Vista Nano Shuffle Photo")

# Words after which a number is part of a name ("Radio 4", "Channel 4", "Formula 1").
NUMBERED_SERVICES = _words("Radio Channel Formula Apollo Windows Xbox PlayStation Playstation Five One Two")

# Words that make a capitalised phrase an organisation when they end it ("Altria Group", "Leeds University").
ORG_SUFFIXES = _words(
    "Ltd Ltd. Limited Plc plc PLC Inc Inc. Corp Corp. Corporation Co Co. Company Companies LLC LLP AG SA NV GmbH"
    " Group Holdings Partners Associates Industries Enterprises Systems Technologies Networks Communications"
    " Airlines Airways Motors Pharmaceuticals Bank Bancorp Insurance Capital Securities Investments Fund Trust"
    " Party University College School Academy Institute Institution Council Commission Committee Association"
    " Society Union Federation Foundation Agency Authority Board Bureau Department Ministry Office Service"
    " Services Court Parliament Assembly Senate Congress Army Navy Police Force Forces Guard Corps Club"
    " League Alliance Coalition Organisation Organization Network Press Times News Post Herald Guardian"
    " Telegraph Journal Gazette Tribune Records Studios Pictures Entertainment Media Broadcasting Television"
    " Radio Channel Orchestra Band Brothers Exchange Reserve Assurance Tobacco Energy Oil Gas Petroleum"
    " Telecom Telecommunications Electronics Software Computing Games Labs Laboratories Hospital Clinic Boerse"
    " Börse Bourse"
    " Cabinet Executive Tribunal Inquiry Centre Center Museum Library Church Mission Movement Front Unit Circle"
    " Instruments Electric Steel Foods Stores Brewery Brewing Publishing Logistics Shipping Aerospace"
    " Brigade Regiment Squad Institute Consortium Cooperative Watch Review Magazine Records FC AFC RFC"
    " United City Rovers Athletic Wanderers Albion Hotspur Rangers Celtic Harlequins Saracens Blues"
    " Cloud Analytics Therapeutics Biosciences Biotech Robotics Semiconductor Semiconductors Dynamics"  # tech firms
)
# Org suffixes that can also end a place name ("Leicester City" is a club but "Mexico City" is a city):
# a gazetteer hit wins over these.
WEAK_ORG_SUFFIXES = _words("United City Rovers Athletic Albion Rangers Blues Times Post News Press Union")

# Words that make an unknown capitalised phrase an organisation rather than a person's name.
ORG_WORDS = _words(
    "National International Economic Cooperation Co-operation Development Central Federal Royal Global"
    " Financial Trade Energy Health Education Security Defence Defense Justice Foreign Home Public Social"
    " Democratic Republican Liberal Labour Conservative Green People's Peoples Workers Workers' Business"
    " Industry Industrial Commercial Investment Technology Digital Software Entertainment Music Film"
    " Records Games Mobile Airlines Air Rail Railways Motor Auto Oil Gas Power Electric Steel Mining"
    " Chemical Pharma Medical Research Science Sciences Environmental Agricultural Farmers Consumers"
    " Campaign Action Aid Relief Rights Freedom Peace Liberation Independent Standard Monetary Reserve"
    " Stock Exchange Markets Capital Holdings Partners Ventures Solutions Global Worldwide United Devices Deutsche"
)

# Heads of "the X of Y" organisation names ("Bank of England", "University of Strathclyde").
ORG_HEADS = _words(
    "Bank University College Institute Department Ministry Office Council Commission Committee Association"
    " Society Federation Foundation Agency Authority Board Bureau Court Chamber Church Party Union House"
    " League Academy School Museum Organisation Organization Confederation Federation Alliance Assembly"
    " Parliament Congress Senate Secretariat Tribunal Conference Government Cabinet Order Guild Corps"
    " Campaign Centre Center Friends Movement Coalition Network Fund Trust Institute Alliance Council"
)
# Heads of geographic (non-political) names: "Sea of Japan", "Gulf of Mexico", "Mount Everest".
LOC_HEADS = _words(
    "Sea Ocean Gulf Bay Strait Straits Channel Mount Mountains Mountain Mt Lake River Island Islands Isle"
    " Peninsula Desert Valley Coast Cape Canal Glacier Plain Plains Basin Sound Firth Loch"
    " Estuary Range Falls Reef"
)
LOC_NAMES = _phrases(
    "Africa|Asia|Europe|Antarctica|Australasia|Oceania|North America|South America|Latin America"
    "|Central America|Middle East|Far East|Near East|Balkans|Caribbean|Mediterranean|Atlantic|Pacific"
    "|Arctic|Scandinavia|Siberia|Sahara|Himalayas|Alps|Andes|Rockies|Amazon River|Nile|Thames|Danube|Rhine"
    "|Gulf|Persian Gulf|Baltic|Black Sea|Red Sea|North Sea|Irish Sea|South China Sea|East China Sea"
    "|Indian Ocean|Atlantic Ocean|Pacific Ocean|Arctic Ocean|Southern Ocean|Caspian Sea|Dead Sea"
    "|West Bank|Gaza Strip|Korean Peninsula|Iberian Peninsula|Horn of Africa|Sub-Saharan Africa"
    "|South East Asia|Southeast Asia|South-East Asia|East Asia|Central Asia|South Asia|Western Europe"
    "|Eastern Europe|Central Europe|Northern Europe|Southern Europe|East Africa|West Africa|North Africa"
    "|Southern Africa|Asia-Pacific|Asia Pacific|Highlands|Lake District|Everest|Darfur|Sinai"
    "|Earth|Mars|Scandinavia|Patagonia|Arabia|Indochina|Balkan|Caucasus|Gobi|Kalahari"
)

# Organisations a reader of English news knows without being told; short forms map to the full name.
KNOWN_ORGS = _phrases(
    "BBC|ITV|CNN|Reuters|Associated Press|AFP|Bloomberg|Sky|Sky News|Channel 4|Channel Five|Five|Ofcom"
    "|Ofgem|Ofwat|Ofsted|NHS|Home Office|Foreign Office|Treasury|Downing Street|Whitehall|Pentagon"
    "|White House|Kremlin|Congress|Senate|Parliament|Commons|House of Commons|House of Lords|Lords"
    "|Labour|Conservatives|Tories|Tory|Liberal Democrats|Lib Dems|Lib Dem|UKIP|SNP|Plaid Cymru|Sinn Fein"
    "|DUP|Democrats|Republicans|European Union|EU|United Nations|UN|Nato|NATO|WTO|IMF|World Bank|OPEC|Opec"
    "|G8|G7|G20|OECD|Interpol|Europol|FBI|CIA|NSA|MI5|MI6|FIFA|Fifa|Uefa|UEFA|IOC|ICC|IAAF|FA|RFU|WRU"
    "|Premier League|Football League|European Commission|European Parliament|Federal Reserve|Fed"
    "|Bank of England|European Central Bank|ECB|Microsoft|Apple|Google|Yahoo|Amazon|eBay|IBM|Intel|Sony"
    "|Nintendo|Nokia|Samsung|Vodafone|BT|Orange|O2|Virgin|Tesco|Sainsbury's|Asda|Marks & Spencer|Boots"
    "|Shell|BP|Exxon|ExxonMobil|Toyota|Ford|General Motors|GM|Honda|Nissan|Volkswagen|BMW|Fiat|Boeing"
    "|Airbus|EADS|British Airways|Ryanair|EasyJet|easyJet|Lufthansa|Air France|KLM|Qantas|Disney|Warner"
    "|Time Warner|Universal|EMI|Sony BMG|Vivendi|News Corp|News Corporation|Viacom|MTV|HBO|Netflix|Fox"
    "|Coca-Cola|Pepsi|PepsiCo|McDonald's|Nike|Adidas|Reebok|Unilever|Nestle|Nestlé|Procter & Gamble"
    "|Wal-Mart|Walmart|Citigroup|HSBC|Barclays|Lloyds|RBS|Royal Bank of Scotland|Goldman Sachs"
    "|Morgan Stanley|JP Morgan|Merrill Lynch|Deutsche Bank|UBS|Credit Suisse|AIG|Enron|WorldCom|Yukos"
    "|Gazprom|Rosneft|Apple Computer|Dell|Hewlett-Packard|HP|Oracle|Cisco|AOL|Motorola|Siemens|Philips"
    "|Ericsson|Alcatel|Vivendi Universal|Standard & Poor's|Moody's|Nasdaq|Dow Jones|FTSE|Nikkei"
    "|London Stock Exchange|New York Stock Exchange|Wall Street|Chelsea|Arsenal|Liverpool|Manchester United"
    "|Man Utd|Newcastle|Everton|Tottenham|Celtic|Rangers|Real Madrid|Barcelona|Juventus|AC Milan|Inter Milan"
    "|Bayern Munich|Leeds|Aston Villa|West Ham|Fulham|Bolton|Blackburn|Southampton|Middlesbrough"
    "|Charlton|Portsmouth|Norwich|Crystal Palace|Birmingham City|Manchester City|Man City|Hearts|Hibernian"
    "|Hibs|Aberdeen|Leicester Tigers|Wasps|Leinster|Munster|Ulster|Llanelli|Ospreys|Taliban|al-Qaeda"
    "|Al-Qaeda|Hamas|Hezbollah|Fatah|IRA|ETA|Greenpeace|Amnesty International|Red Cross|Oxfam|Unicef"
    "|UNICEF|WHO|World Health Organization|Olympic Committee|Supreme Court|High Court|Court of Appeal"
    "|Met Office|Metropolitan Police|Scotland Yard|Army|Royal Navy|RAF|Royal Air Force|Electoral Commission"
    "|Competition Commission|Office of Fair Trading|OFT|Financial Services Authority|FSA|Inland Revenue"
    "|Customs|CBI|TUC|Unison|Amicus|Which?|Royal Mail|Network Rail|Railtrack|Eurostar|Channel Tunnel"
    "|Xinhua|KCNA|Yonhap|Kyodo|Al-Jazeera|Al Jazeera|Interfax|Itar-Tass|Tass|Fox News|ABC|CBS|NBC|PBS"
    "|New York Times|Washington Post|Wall Street Journal|Financial Times|The Times|Guardian|Independent"
    "|Daily Mail|Daily Telegraph|Sun|Mirror|Observer|Economist|Time Magazine|Newsweek|Variety"
    "|Hollywood Reporter|Billboard|Academy|Bafta|BAFTA|Labour Party|Conservative Party|Nottingham Forest"
    # social networks, named like common words ("Twitter") and cited as sources in any news story
    "|Twitter|Facebook|Instagram|YouTube|WhatsApp|LinkedIn|Snapchat|TikTok|Reddit|Politico"
)
# Short forms of organisations whose expansion is general knowledge, so the alias links without a definition.
ORG_SHORT = {
    "EU": "European Union", "UN": "United Nations", "Nato": "NATO", "Tories": "Conservative Party",
    "Tory": "Conservative Party", "Conservatives": "Conservative Party", "Labour": "Labour Party",
    "Lib Dems": "Liberal Democrats", "Lib Dem": "Liberal Democrats", "Fed": "Federal Reserve",
    "Opec": "OPEC", "Standard & Poor": "Standard & Poor's", "S&P": "Standard & Poor's", "Fifa": "FIFA", "Uefa": "UEFA", "Man Utd": "Manchester United",
    "Man City": "Manchester City", "Hibs": "Hibernian", "RBS": "Royal Bank of Scotland",
    # Short and full forms that appear together (both were separate entities: 125 "UKIP" beside 24 in full)
    "Commons": "House of Commons", "Lords": "House of Lords", "UKIP": "UK Independence Party",
    "Ukip": "UK Independence Party", "UK Independence Party": "UK Independence Party",
    "Spurs": "Tottenham",
}

# Awards: scored as neither organisations nor people (EVENT, like tournaments).
AWARDS = _words("Oscar Oscars Grammy Grammys Baftas BAFTAs Emmy Emmys Brit Brits Tony Tonys Golden"
                " Globe Globes Mobo Mobos Mercury Booker Pulitzer Nobel Turner Whitbread Stirling Olivier")

# Other names for countries whose gazetteer name differs ("US" -> "United States").
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States", "the States": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "GB": "United Kingdom", "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo", "DR Congo": "Democratic Republic of the Congo",
    "Holland": "Netherlands", "the Netherlands": "Netherlands", "Burma": "Myanmar", "Czech Republic": "Czechia",
    "Ivory Coast": "Ivory Coast", "Russian Federation": "Russia", "Republic of Ireland": "Ireland",
    "Eire": "Ireland", "North Korea": "North Korea", "South Korea": "South Korea", "Korea": "South Korea",
    "PRC": "China", "Mainland China": "China", "Vatican": "Vatican", "Macedonia": "North Macedonia",
    "Swaziland": "Eswatini", "East Timor": "Timor Leste", "Taiwan": "Taiwan", "Palestine": "Palestinian Territory",
}
# AP-style US state abbreviations used in datelines and after city names ("Cupertino, Calif.").
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Va": "Virginia", "Vt": "Vermont",
    "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming", "N.Y.": "New York", "N.J.": "New Jersey",
    "N.C.": "North Carolina", "S.C.": "South Carolina", "N.H.": "New Hampshire", "N.M.": "New Mexico",
    "N.D.": "North Dakota", "S.D.": "South Dakota", "W.Va.": "West Virginia", "R.I.": "Rhode Island",
    "D.C.": "Washington DC",
}

# UK nations and other places every reader knows that the gazetteers file elsewhere.
EXTRA_GPE = _phrases(
    "England|Scotland|Wales|Northern Ireland|Ulster|Hong Kong|Macau|Tibet|Chechnya|Kosovo|Basque Country"
    "|Catalonia|Flanders|Bavaria|Quebec|Ontario|British Columbia|Alberta|Queensland|New South Wales|Victoria"
    "|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany|Rhodesia|Zaire"
    "|Tasmania|Punjab|Kurdistan|Kashmir|Crimea|Gaza|Ramallah|Fallujah|Falluja|Basra|Mosul|Tikrit|Kirkuk|Najaf"
    "|Westminster|Whitehall|Hollywood|Silicon Valley|Manhattan|Brooklyn|Soho|Yorkshire|Lancashire|Kent"
    "|Surrey|Essex|Sussex|Devon|Cornwall|Cumbria|Merseyside|Tyneside|Cheshire|Norfolk|Suffolk|Dorset"
    "|Somerset|Hampshire|Berkshire|Oxfordshire|Cambridgeshire|Lincolnshire|Derbyshire|Staffordshire"
    "|Gloucestershire|Wiltshire|Herefordshire|Shropshire|Worcestershire|Warwickshire|Northamptonshire"
    "|Leicestershire|Nottinghamshire|Hertfordshire|Buckinghamshire|Bedfordshire|Northumberland|Durham"
    "|Fife|Lothian|Strathclyde|Highlands|Ayrshire|Lanarkshire|Aberdeenshire|Perthshire|Gwent|Glamorgan"
    "|Powys|Gwynedd|Anglesey|Isle of Man|Isle of Wight|Jersey|Guernsey|Belfast|Cardiff|Swansea|Edinburgh"
    "|Glasgow|Dundee|Aberdeen|Inverness|Stirling|Perth|Londonderry|Derry|Oxford|Cambridge|Brighton"
    "|Bath|Canterbury|Dover|Windsor|Eton|Wimbledon|Twickenham|Murrayfield|Stoke|Hull|Ipswich|Luton"
    "|Reading|Slough|Watford|Crawley|Gloucester|Worcester|Exeter|Plymouth|Bristol|Leeds|Sheffield"
    "|Bradford|Newcastle|Sunderland|Middlesbrough|Liverpool|Manchester|Birmingham|Coventry|Leicester"
    "|Nottingham|Derby|Northampton|Norwich|Southampton|Portsmouth|Bournemouth|Blackpool|Bolton|Wigan"
    "|Preston|Burnley|Blackburn|Carlisle|York|Lincoln|Chester|Wrexham|Newport|Llanelli|Bangor|Washington"
    "|Washington DC|New York|Los Angeles|San Francisco|Chicago|Boston|Miami|Seattle|Las Vegas|Detroit"
    "|Texas|California|Florida|Brussels|Strasbourg|Geneva|Davos|The Hague|Hague|Bonn|Kiev|Kyiv|Baghdad"
    "|Kabul|Tehran|Jerusalem|Tel Aviv|Beijing|Shanghai|Tokyo|Seoul|Pyongyang|Moscow|Paris|Berlin|Rome"
    "|Madrid|Lisbon|Dublin|Athens|Istanbul|Ankara|Cairo|Nairobi|Johannesburg|Cape Town|Lagos|Mumbai|Bombay"
    "|Delhi|New Delhi|Calcutta|Kolkata|Karachi|Islamabad|Bangkok|Jakarta|Manila|Sydney|Melbourne"
    "|Auckland|Wellington|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Rio de Janeiro|Sao Paulo"
    "|Buenos Aires|Havana|Caracas|Bogota|Lima|Santiago"
)

# Capitalised words that are not names on their own: function words at a sentence start, months, days,
# and words news style capitalises (Christmas, Internet).
NOT_NAMES = _words(
    "The A An And But Or Nor So Yet For If In On At By To Of From With Without Into Onto Over Under After"
    " Before During Since Until While When Where Why How What Who Whom Whose Which That This These Those"
    " There Here Then Now Also Although Though Because As Than Such Some Any All Both Each Every Either"
    " Neither No Not None Many Much More Most Few Several Other Another It Its It's I I'm I've I'd I'll"
    " We We're We've You Your He He's His Him She Her Hers They Them Their Theirs Our Us My Me Mine"
    " Is Are Was Were Be Been Being Has Have Had Do Does Did Will Would Shall Should Can Could May Might"
    " Must Yes Just Only Even Still However Meanwhile Instead Indeed Despite Although Overall Today"
    " Yesterday Tomorrow Tonight Last Next First Second Third Earlier Later Recently Previously Currently"
    " Already Perhaps Maybe Please Thanks Well Oh Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday"
    " Friday Saturday Sunday January February March April June July August September October November"
    " December Christmas Easter Internet Web Net Online One Two Three Four Five Six Seven Eight Nine Ten"
    " Around About Above Below Between Among Against Along Across Behind Beyond Within Through Throughout"
    " Like Unlike Following According Asked Speaking Writing Talking Says Said Asked Added Told Out Up"
    " Down Off Away Back Again Once Never Always Often Sometimes Other Others Chief Executive Chairman"
    " Managing Director President Minister Secretary Spokesman Spokeswoman Analysts Analyst Experts"
    " Critics Officials Police Government Ministers Sources Reports Figures Data Shares Sales Profits"
    " Prices Fans Voters Users People Children Many Most Some Half Part Top Old New Big Great Good Bad"
    " Best Worst High Low Early Late Full Free Dear Let Get Got Make Made Take Took Give Gave Go Went"
    " See Saw Look Think Thought Know Knew Want Wanted Mind Why Whether Unless Except Plus Minus Via Per"
    " North South East West Northern Southern Eastern Western Central"
    " Versus Vs Re Hi Hello No. Nos Nov Dec Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Mon Tue Wed Thu Fri"
    " Almost"
    " Sat Sun Am Pm AM PM TV CEO CFO MP MPs MEP MEPs PC PCs DVD DVDs CD CDs GDP VAT OK PR IT ID UFO HIV"
    " AIDS Aids SMS PIN PDA PDAs RSS URL HTML PDF GMT BST FM AM DJ DJs MC VIP Q A&E TB AGM IPO ISP ISPs"
    " MRI DNA UHF LCD LED GPS USB RAM CPU PIN ATM SUV SUVs WMD WMDs PhD MBA BA MSc ASBO ASBOs"
    " Mr. Mrs. Ms. Dr. Mum Dad God Prime Internet-based Web-based Government-backed"
    " I’m I’ve I’d I’ll PAC PACs EST EDT PST PDT CST CDT LGBT LGBTQ"  # curly apostrophes; common acronyms
)

# Capitalised common nouns that are no name on their own, though they start or end names ("World Health
# Organisation", "the Budget", "the Test", "Wednesdays"): rejected alone, never stripped from a longer run.
LONE_NOT_NAMES = NOT_NAMES | _words(
    "Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Replacements Substitutes Subs Upon"
    " Budget Election Elections Test Tests Premiership Nations World Year Years Century Sport Sports Final Finals"
    " Semi End Series Bill Act Award Awards State States Government Cabinet Opposition Church Crown Press"
    " Chapter"  # "Chapter 11 bankruptcy protection"
    " HD HDTV IPTV RFID UWB VoIP DSL ADSL WiFi Wi-Fi GSM DRM PVR PVRs 3G P2P R&B"  # technologies, a genre
)

# Languages: their names are capitalised but they are neither places nor organisations (typed MISC).
LANGUAGES = _words(
    "Hindi Urdu Arabic Mandarin Cantonese Swahili Bengali Punjabi Tamil Gaelic Gujarati Farsi Persian Pashto"
    " Hebrew Latin Esperanto Catalan Basque Flemish Afrikaans Zulu Xhosa Yoruba Hausa Igbo Amharic Tagalog Malay"
)

# Nationality and group adjectives (NORP): optional in gold, never scored as GPE/ORG.
DEMONYMS = _words(
    "British English Scottish Welsh Irish American Americans Canadian French German Germans Italian Italians"
    " Spanish Portuguese Dutch Belgian Swiss Austrian Swedish Norwegian Danish Finnish Icelandic Polish"
    " Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Russian Russians Ukrainian Georgian Armenian"
    " Israeli Israelis Palestinian Palestinians Arab Arabs Iraqi Iraqis Iranian Iranians Syrian Lebanese"
    " Saudi Egyptian Libyan Moroccan Algerian Tunisian Nigerian Kenyan Ethiopian Somali Sudanese"
    " Zimbabwean African Africans Asian Asians Chinese Japanese Korean Koreans Vietnamese Thai Indian Indians"
    " Pakistani Pakistanis Afghan Afghans Bangladeshi Indonesian Malaysian Filipino Australian Australians"
    " Kiwi Mexican Brazilian Argentine Argentinian Chilean Colombian Cuban Venezuelan Peruvian European"
    " Europeans Western Eastern Northern Southern Scandinavian Latin Jewish Muslim Muslims Christian"
    " Christians Catholic Catholics Protestant Hindu Sikh Buddhist Sunni Shia Shiite Kurdish Kurds Basque"
    " Anglo Brit Brits Briton Britons Scot Scots Welshman Englishman Irishman Yankee Tory Labourite"
    " Republican Democrat Democratic Conservative Liberal Socialist Communist Nazi Olympic Olympian"
    " Anglo-Dutch Anglo-American Franco-German Yorkshireman Londoner Londoners Glaswegian Geordie"
    " Australians Kiwis Springboks Afrikaner Serb Serbs Croat Croats Bosnian Albanian Slovenian"
    " Estonian Latvian Lithuanian Belarusian Chechen Uzbek Kazakh Mongolian Tibetan Taiwanese Singaporean"
    " Jamaican Ghanaian Ivorian Senegalese Cameroonian Congolese Rwandan Ugandan Tanzanian Zambian"
    " Angolan Mozambican Namibian Qatari Kuwaiti Emirati Omani Yemeni Jordanian Hispanic Latino Caribbean"
)

# Verbs and phrases that report speech: the cue of a quote.
SPEECH_VERBS = _words(
    "said says say told tells tell added adds add stated states explained explains insisted insists argued"
    " argues claimed claims warned warns noted notes admitted admits acknowledged declared declares"
    " announced announces commented comments continued continues replied replies responded responds"
    " remarked remarks suggested suggests wrote writes asked asks urged urges stressed stresses"
    " predicted predicts believes believed described describes called calls confirmed confirms maintained"
    " maintains conceded concedes recalled recalls revealed reveals reported reports joked jokes"
    " complained complains pointed observed observes agreed agrees concluded concludes promised promises"
    " vowed vows thinks thought felt feels hopes hoped cautioned cautions boasted boasts read confesses"
    " confessed brands branded branding dubbed dubs labelled labeled termed terms quipped quips recalls"
    " countered counters retorted retorts tweeted tweets posted lamented wondered testified recounted accused"
    " accuses exclaimed hailed hails heralded decried touted dismissed referred"
)

# Nouns that refer back to a person already named ("the leader said", "the minister told MPs").
ROLE_NOUNS = _words(
    "leader president minister chancellor premier secretary spokesman spokeswoman spokesperson chairman"
    " chairwoman chief executive boss director manager coach player striker midfielder defender keeper"
    " goalkeeper captain star singer actor actress director author writer judge lawyer official officer"
    " analyst economist expert senator governor mayor king queen prince general commander founder head"
    " campaigner candidate mp politician winner champion veteran youngster teenager father mother man woman"
    " veteran rapper musician artist producer presenter host editor critic reviewer chairwoman governor"
    " winger flanker fly-half scrum-half full-back prop hooker forward skipper sprinter athlete runner debutant"
    " nominee frontrunner front-runner congressman congresswoman lawmaker justice billionaire businessman"
    " businesswoman strategist adviser advisor aide pollster activist anchor columnist commentator correspondent"
    " reporter contender challenger hopeful attorney prosecutor ambassador envoy professor historian pastor"
)

# Function words that end a count's noun phrase ("three of the", "1,800 in total").
STOP_AFTER_NUMBER = _words(
    "of the a an and or to in on at by for from with as than that which who per is are was were be been"
    " has have had will would can could may might it its this these those their his her our your"
    " more less over under about around up down out off into onto after before since during between"
)


@functools.cache
def _dictionary() -> frozenset[str]:
    """Webster's Second International word list (public domain, shipped in the MIT-licensed `english-words`):
    common words in lower case, proper nouns capitalised ("life", "prejudice"; "Texas", "Clyde")."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], alpha=True))


def common_word(word: str) -> bool:
    """A capitalised word the dictionary has only in lower case ("Life", "Prejudice", "Information"): alone and
    with nothing else to go on, a word of a title or a stressed word rather than a name. Not one with inner capitals
    ("DeLay", "iPod")."""
    rest = word[1:]
    if rest != rest.lower():
        return False
    words = _dictionary()
    return word not in words and word.lower() in words
