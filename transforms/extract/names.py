"""Common given names (English-language news: British, American, European, and frequent world names).

A capitalised pair whose first word is a given name is very likely a person ("Patrick Cescau"), which is
what lets unknown surnames be typed without a model. Written from general knowledge, not from any article.
"""
from __future__ import annotations

GIVEN_NAMES = frozenset("""
Aaron Abdul Abdullah Abraham Adam Adrian Ahmed Aidan Aiden Alan Alastair Albert Alberto Alec Alex Alexander
Alexandra Alexis Alfred Ali Alice Alison Alistair Allan Allen Alun Amanda Amy Ana Andre Andrea Andreas Andrew
Andy Angela Angelina Angus Anita Ann Anna Anne Annie Anthony Antoine Anton Antonio Antony Archie Ariel Arnold
Arsene Arthur Ashley Aung Barbara Barry Bart Beatrice Ben Benjamin Bernard Bernie Beth Betty Bill Billy Bob
Bobby Boris Brad Bradley Brendan Brett Brian Bridget Britney Bruce Bruno Bryan Bryn Carl Carla Carlos Carol
Caroline Carolyn Catherine Cathy Cecil Cedric Charles Charlie Charlotte Cherie Chris Christian Christina
Christine Christopher Claire Clare Claude Claudia Clint Clive Colin Condoleezza Connor Craig Dale Damian
Damien Damon Dan Daniel Danny Darren Dave David Dean Debbie Deborah Declan Denis Dennis Derek Diana Diane Dick
Dido Diego Dominic Don Donald Donna Dorothy Doug Douglas Duncan Dylan Ed Eddie Edgar Edmund Edward Edwin Eileen
Elaine Eleanor Elizabeth Ellen Elton Emily Emma Eric Erik Ernest Ernie Eva Evan Fabio Faye Felipe Felix
Fernando Fiona Francesca Francis Francisco Frank Frankie Franz Fred Freddie Frederick Gail Gareth Garry Gary
Gavin Gemma Gene Geoff Geoffrey George Georgina Gerald Gerard Gerhard Gerry Gil Gillian Giorgio Giovanni Glen
Glenn Gordon Graeme Graham Grant Greg Gregory Guy Hamid Hank Hans Harold Harriet Harry Hassan Hazel Heather
Heidi Helen Helena Henri Henrik Henry Herbert Hilary Hillary Howard Hugh Hugo Hussein Iain Ian Igor Imran
Ingrid Irene Isaac Annette Teri Yulia Isabel Ivan Jack Jackie Jacob Jacques Jake James Jamie Jan Jane Janet Jason Javier Jean
Jeff Jeffrey Jennifer Jenny Jeremy Jerry Jess Jessica Jill Jim Jimmy Jo Joan Joanna Joanne Joe Joel Johan
Johann John Johnny Jon Jonathan Jonny Jordan Jorge Jose Joseph Josh Joshua Juan Judith Judy Jules Julia Julian
Julie Juliet Justin Karen Karl Kate Katherine Kathleen Kathryn Katie Keith Kelly Ken Kenneth Kenny Kerry Kevin
Kieran Kim Kirsty Kofi Kristin Kurt Kylie Lance Larry Laura Lauren Lawrence Lee Leigh Len Leo Leon Leonard
Lewis Liam Linda Lindsay Lisa Liz Lord Lorraine Louis Louise Luc Luca Lucy Luis Luke Lynn Madonna Mahmoud
Malcolm Manuel Marc Marco Marcus Margaret Maria Marie Mario Mark Marsha Martin Martina Mary Matt Matthew
Maurice Max Maxine Megan Mel Melanie Mervyn Michael Michel Michelle Mick Mickey Miguel Mike Mikhail Miles Milan
Mohamed Mohammad Mohammed Muhammad Nadia Natalie Nathan Neil Nelson Nicholas Nick Nicky Nicola Nicolas Nigel
Nikolai Noel Norman Oliver Olivia Omar Oscar Owen Pablo Paddy Pamela Pat Patrick Patricia Paul Paula Pauline
Pedro Penny Pete Peter Phil Philip Philippe Phillip Pierre Piers Ralph Ramon Randy Raul Ray Raymond Rebecca
Reg Richard Rick Ricky Rio Rob Robbie Robert Roberto Robin Rod Roger Roland Ron Ronald Ronnie Rory Rosa Rose
Ross Roy Ruby Rudolph Rupert Russell Ruth Ryan Saddam Sally Sam Samantha Samuel Sandra Sara Sarah Scott
Sean Sebastian Sergei Sergey Seth Shane Sharon Shaun Sheila Shirley Silvio Simon Sophie Stan Stanley Stefan
Stella Stephane Stephanie Stephen Steve Steven Stewart Stuart Sue Susan Suzanne Sven Tamsin Tanya Ted Terry
Tessa Thabo Thierry Thomas Tiger Tim Timothy Tina Toby Todd Tom Tommy Toni Tony Tracey Tracy Trevor Valerie
Vanessa Victor Victoria Vince Vincent Viktor Vladimir Walter Wayne Wendy Will William Willie Xavier Yasser
Yvonne Zach Zoe
""".split())

# More given names across the languages that appear in international news.
GIVEN_NAMES = GIVEN_NAMES | frozenset("""
Aamir Abhishek Adnan Ahmad Aishwarya Ajay Akbar Akira Akshay Alain Alan Alberto Aldo Aleksandr Alessandra Alexei
Alfonso Alfredo Alim Alvaro Amir Amitabh Amr Anand Anders Andres Andrzej Angel Angelo Anil Anton Antonella Anwar
Arjun Armando Arnaud Arturo Asif Ashok Atul Ayesha Bachir Bashar Beatriz Benoit Bernd Birgit Bjorn Björn Boaz
Bogdan Bruno Camilla Carmen Cesar César Chang Chiara Christophe Cristiano Cristina Dagmar Daisuke Dalia Danilo
Dario Deepak Dieter Dimitri Dimitris Dmitry Dominique Dong Eduardo Elena Elias Emeka Emilio Emmanuel Enrique
Erich Ernesto Esteban Esther Ethan Eun Fabian Fatima Farid Federico Felicity Fernanda Filippo Florian Francois
François Frederic Frédéric Fritz Gabriele Gaurav Gennaro Georg Gerardo Gianni Gilberto Giorgos Giuseppe Goran
Gonzalo Gottfried Guido Guillaume Gunnar Gustavo Hakan Hamza Hannah Hao Harald Haruki Hassan Heinz Helmut Hernan
Hideki Hiroshi Hosni Hugo Hyun Ibrahim Ignacio Ilya Imogen Inga Ioannis Irina Isabella Ismail Jaime Jan Javed
Javier Jens Jin Joachim Joao João Joaquim Joaquin Jong Jorge Jose José Josef Juergen Julien Jun Jurgen Jürgen
Kamal Karim Karin Kasper Katarina Katja Kazuo Khalid Klaus Kofi Konstantin Kostas Krishna Kumar Lars Laurent
Leila Lena Leonid Liang Ling Lorenzo Luciano Ludovic Luigi Luiz Lukas Magnus Mahmood Manoj Marcel Marcela Marcia
Marcin Marek Margarita Mariana Marina Marius Markus Marta Massimo Matteo Mattias Maurizio Mehmet Mei Michal
Michele Mihai Miroslav Mohsen Monika Mustafa Nabil Nadine Naomi Narendra Nasser Natalia Nawaz Nikolaos Nikos
Nils Nina Nobuo Nuno Olaf Oleg Olga Omar Orhan Osama Oskar Pablo Paolo Pascal Patrice Patrizia Paulo Pavel Pedro
Pekka Per Pervez Petr Petra Philipp Pierluigi Pietro Piotr Polly Prakash Priya Rafael Rahul Raj Rajiv Ramon
Ravi Reinhard Renata Riccardo Ricardo Rinat Roberta Rodrigo Rolf Ronaldo Rosario Rui Ruslan Sabine Sachin Said
Salim Salman Samir Sandro Sanjay Santiago Sebastien Sébastien Seung Shahid Shane Shigeru Shinzo Shiv Shoaib
Silvia Simone Sofia Sonja Stefano Stefanie Sunil Sven Takashi Tariq Tatiana Thiago Thomas Thorsten Timo Tomas
Tomasz Toshio Ulrich Ulrike Umar Uwe Valentina Valentino Vasily Vicente Vijay Viktor Vinod Virgil Vitaly Vittorio
Vladislav Volker Walid Werner Wilhelm Wim Wojciech Wolfgang Xavier Xi Yannis Yaseen Yasser Yasuo Yiannis Yoshiro
Youssef Yuri Yusuf Zainab Zheng Zoran Zbigniew Annabelle Marcia Polly Huw Bethan Rhys Dafydd Gethin Iwan Ieuan
Gwyneth Cerys Sian Siân Aled Emyr Hywel Geraint Eamonn Eamon Seamus Padraig Niall Ciaran Darragh Aoife Siobhan
Sinead Niamh Fergus Hamish Alasdair Ewan Gordon Morag Kirsty Struan Lachlan Shona Rab Rob Robbie Ali Alastair
Olivier Didier Yannick Fabien Gael Gianluca Alessandro Francesco Jonas Kenji Yuki Takeshi Gabriel Gabriela Dirk
""".split())

# Given names that are (almost always) women's: "she said" resolves to these first.
FEMALE_NAMES = frozenset("""
Alexandra Alice Alison Amanda Amy Ana Andrea Angela Angelina Anita Ann Anna Anne Annette Annie Barbara Beatrice
Beth Betty Bridget Britney Carla Carol Caroline Carolyn Catherine Cathy Charlotte Cherie Christina Christine
Claire Clare Claudia Condoleezza Dannii Debbie Deborah Diana Diane Dido Dorothy Eileen Elaine Eleanor Elizabeth
Ellen Emily Emma Estelle Eva Faye Fiona Francesca Gail Gemma Geri Georgina Gillian Glenda Glenys Halle Harriet
Hazel Heather Heidi Helen Helena Hilary Hillary Imelda Ingrid Irene Isabel Jacqueline Jacqui Jane Janet Janis
Jennifer Jenny Jessica Jill Joan Joanna Joanne Judith Judy Julia Julie Juliet Justine Karen Kate Katherine
Kathleen Kathryn Katie Keira Kelly Kirsty Kristin Kylie Laura Lauren Linda Lindsay Lisa Liz Lorraine Louise
Lucy Lynn Madonna Margaret Maria Marie Marsha Martina Mary Maxine Megan Melanie Meryl Michelle Nadia Natalie
Natasha Nicola Nicole Olivia Pamela Patricia Paula Pauline Penny Rebecca Renee Rosa Rose Ruby Ruth Sally
Samantha Sandra Sara Sarah Scarlett Serena Shania Sharon Sheila Shirley Sonia Sophie Stella Stephanie Sue
Susan Suzanne Tamsin Tanya Teri Tessa Theresa Tina Tracey Tracy Valerie Vanessa Venus Victoria Wendy Yvette
Yvonne Zoe Polly Annabelle Marcia Felicity Aishwarya Priya Fatima Leila Sabine Chiara Elena Irina Olga Natalia
Beatriz Carmen Isabella Sofia Silvia Valentina Monika Petra Karin Birgit Ulrike Nadine Naomi Hannah Imogen Gwyneth
Cerys Sian Siân Bethan Aoife Siobhan Sinead Niamh Morag Shona Amelie Cate Nicky Michelle Benazir Sonia Hilary Annette Natalie
""".split())

# Surnames of heads of state and government so often in the news that the bare name means them. Only used for a
# lone capitalised word with no other clue.
FAMOUS_SURNAMES = frozenset("""
Blair Bush Thatcher Chirac Sarkozy Merkel Berlusconi Putin Yeltsin Gorbachev Netanyahu Arafat Abbas Mubarak
Gaddafi Saddam Khomeini Khamenei Ahmadinejad Karzai Musharraf Bhutto Gandhi Mandela Mugabe Annan Obama Clinton
Cheney Rumsfeld Reagan Nixon Castro Chavez Lula Koizumi Trudeau Modi Erdogan Zelensky Macron Trump Biden
""".split())


# Common given names of the US population (the 1990 US Census first-name frequency lists, shipped in the MIT-licensed
# `names` package): those held by at least 1 in 10,000 people. Used only where a name's shape is in question (the
# first of two capitalised words, after a title), never to type a lone word: census names include surnames and
# words ("Cruz", "Dallas", "April").
_CENSUS_MIN_PERCENT = 0.01


def _census_first_names() -> frozenset[str]:
    from importlib.resources import files

    out = set()
    for table in ("dist.male.first", "dist.female.first"):
        for line in files("names").joinpath(table).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2 and float(fields[1]) >= _CENSUS_MIN_PERCENT:
                out.add(fields[0].title())
    return frozenset(out)


FIRST_NAMES = GIVEN_NAMES | _census_first_names()


# Common US surnames (the same census, same package: held by at least 2 in 100,000 people, ~7,500 names): a small
# town named like one ("Anderson", "Shaw") is not typed a place on that alone.
_SURNAME_MIN_PERCENT = 0.002


def census_surnames() -> frozenset[str]:
    from importlib.resources import files

    lines = files("names").joinpath("dist.all.last").read_text(encoding="ascii").splitlines()
    return frozenset(f[0].title() for f in map(str.split, lines) if len(f) >= 2 and float(f[1]) >= _SURNAME_MIN_PERCENT)
