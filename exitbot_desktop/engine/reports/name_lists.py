"""Given names and surnames the anonymiser recognises without a cue, in three tiers.

`NAMES`: names that are no ordinary word in English or German, so a capitalised (or,
from four letters, lower-case) occurrence is taken for a person. `SENTENCE_WORDS`: names
that are also words people capitalise only at the start of a sentence ("Will", "Can",
"Nur"); they count as names mid-sentence or next to another name. `NOUN_NAMES`: names
that are also capitalised nouns or months ("Ernst", "August", "Koch"); they count only
next to a cue or another name. The lists span many origins (German, English, Turkish,
Arabic, Persian, Polish, Russian and Ukrainian, Balkan, Greek, Italian, Spanish and
Portuguese, French, Dutch and Nordic, Indian, Chinese, Vietnamese, Korean, Japanese,
West and East African) because a workforce does. Data only; never imports Qt.
"""

from __future__ import annotations

_GIVEN = """
    Aaron Abdul Abdullah Abel Abena Abhishek Abigail Abimbola Ada Adaeze Adam Adebayo Adel
    Adela Adelina Adil Aditi Aditya Adnan Adrian Adriana Afua Agata Agnes Agnieszka Ahmad
    Ahmed Ahmet Aida Aigerim Aileen Aisha Aishwarya Ajay Akiko Akira Akosua Alberto Aleksandra
    Aleksandr Alessandra Alessandro Alessia Alex Alexa Alexander Alexandra Alexei Alexis
    Alfonso Alfred Ali Alice Alicia Alina Alisha Alessio Alla Alma Alper Amal Amanda Amara
    Amelia Amelie Amir Amira Amit Amy Ana Anastasia Anders Andrea Andreas Andrei Andrej Andrew
    Andrzej Aneta Angela Angelika Angelo Anil Anita Anja Anjali Ankit Ann Anna Annabelle
    Anne Annegret Anneke Annette Annika Anouk Anton Antonia Antonio Anya Aoife Arash Arda Arjun
    Arne Arnav Arnold Arthur Arturo Arvid Aryan Asif Aslan Astrid Asya Ayaan Ayla Aylin
    Ayse Ayşe Ayumi Azra Babajide Barbara Barış Bartosz Basil Beata Beatrice Beatriz Bedriye
    Ben Benedikt Benjamin Bernd Bernhard Berta Bettina Bianca Bilal Birgit Bjarne Björn Blessing
    Bogdan Boris Branka Brenda Brian Brigitte Bruno Burak Bushra Busisiwe Camila Carina Carla
    Carlos Carmen Carolin Caroline Carsten Catalina Catherine Cecilia Cem Cemile Chantal
    Charlotte Chen Chiamaka Chidi Chinedu Chioma Chloe Christa Christiane Christina Christine
    Christoph Christopher Chukwuemeka Cihan Claire Clara Claudia Claudio Clemens Colin
    Constantin Cornelia Cristina Cynthia Dagmar Dalia Damian Daniel Daniela Daniele Dariusz
    Darya Dawid Deborah Deepa Deepak Deniz Denise Dennis Derya Desmond Detlef Devi Diana
    Diego Dieter Dilara Dimitri Dimitrios Dirk Divya Dmitri Dmitry Dominik Doris Dorota
    Dragan Duc Dylan Ebru Edith Eduardo Edward Efua Ege Ekaterina Elena Elif Elias Elif Elisa
    Elisabeth Elizabeth Elke Ella Elsa Emeka Emil Emilia Emily Emine Emma Emre Enrico Enrique
    Erik Erika Erin Esra Esther Ethan Eugen Eva Evelyn Ewa Ewelina Fabian Fabienne Fabio
    Farah Farhad Farid Fatima Fatma Federica Federico Felix Femi Fernando Filip Finn Fiona
    Florian Folake Francesca Francesco Franziska Fredrik Friederike Friedrich Funmilayo Gabriel
    Gabriele Gabriela Galina Ganesh Georg George Georgios Gerald Gerhard Gianluca Gina Giorgio
    Giovanni Gisela Giulia Giuseppe Gökhan Gonzalo Gordon Grzegorz Gudrun Guillaume Gunnar
    Günter Günther Gustav Hakan Hamid Hana Hannah Hannes Hans Harald Haruka Haruto Hasan
    Hassan Heiko Heinrich Heinz Helen Helena Helga Helmut Hendrik Henrik Henrike Herbert
    Hiroshi Hoa Hüseyin Hyun Ibrahim Ida Ifeoma Igor Ilka Ilona Ilse Ines Inge Ingo Ingrid
    Irina Irmgard Isaac Isabel Isabella Isabelle Ismail Ivan Ivana Jacob Jakob Jakub James
    Jana Jane Janet Janina Janine Jasmin Jasper Javier Jelena Jennifer Jens Jeremy Jessica
    Ji-ho Jia Jiaming Jin Joachim Joanna Jochen Johanna Johannes John Jonas Jonathan Jorge
    Jörg José Josef Joseph Joshua Juan Judith Julia Julian Juliane Julius Jun-seo Jürgen
    Justyna Kamal Kamil Kamila Karen Karim Karin Karina Karl Karolina Katarzyna Katharina
    Kathrin Katja Katrin Kemal Kenji Kerem Kerstin Kevin Khadija Kirsten Klara Klaus Kofi
    Konrad Konstantin Kristina Krzysztof Kübra Kwame Kwabena Lakshmi Lale Lara Larissa Lars
    Laura Lea Leila Lena Lennart Leon Leonie Leonardo Leyla Liam Lieselotte Lina Linh Lisa
    Liu Lorenzo Lotte Luca Lucas Lucia Ludwig Luis Luisa Lukas Łukasz Luz Lydia Magdalena
    Mahmoud Maja Malgorzata Małgorzata Malte Manfred Manon Manuel Manuela Marco Marcus
    Mareike Margarete Margit Maria Mariam Mariana Marie Marina Mario Marion Marius Marek
    Marta Martin Martina Marvin Maryam Mateusz Mathilde Matteo Matthias Maximilian Mehmet
    Mehdi Meike Melanie Melike Melissa Merve Mia Michael Michaela Michal Michał Miguel Mika
    Mikael Milan Milena Miriam Mohamed Mohammad Mohammed Monika Moritz Mustafa Nadia Nadine
    Nadja Naomi Natalia Natalie Natascha Nathalie Nazlı Nicole Niklas Nikolai Nikolaos Nils
    Nina Noah Noemi Nora Norbert Nnamdi Obinna Ola Olaf Oleg Oleksandr Olena Olga Oliver
    Olivia Oluwaseun Omar Orhan Oskar Osman Ottilie Pablo Paola Parisa Pascal Patricia
    Patrick Patrycja Paula Paulina Pawel Paweł Pedro Peter Petra Philipp Pia Pierre Piotr
    Pooja Priya Priyanka Radek Rafael Rafał Rahul Rainer Raj Rajesh Ralf Ramona Rania Rashid
    Raphael Rebecca Regina Reinhard Renate Reza Riccardo Ricardo Rita Robert Roberta Roberto
    Rolf Roman Ronja Rosa Rüdiger Ruth Sabine Sabrina Sadia Sahin Sakura Salma Salvatore
    Samir Samira Samuel Sandra Sanjay Sara Sarah Sascha Saskia Sebastian Selin Selma Seo-yeon
    Serkan Sergei Sergio Sevgi Shira Shreya Siddharth Sigrid Silke Simon Simone Sina Siobhan
    Sofia Sophia Sophie Stefan Stefanie Steffen Stephan Stephanie Susanne Svea Sven Svenja
    Svetlana Sylvia Tamara Tanja Tatjana Tayo Thanh Theresa Thi Thomas Thorsten Tiago Tobias
    Tomasz Torsten Tuan Tülay Ulrich Ulrike Umut Ursula Uta Ute Uwe Valentina Valentin Vanessa
    Vera Veronika Viktor Viktoria Vincent Vivek Vladimir Walter Wei Werner Wiebke Wilhelm
    Wojciech Wolfgang Xiaoming Xin Yannick Yara Yasemin Yasmin Yiannis Ying Yong Yu Yuki
    Yusuf Yuto Yvonne Zainab Zanele Zehra Zeynep Zofia Zoran Zoe Zuzana Ahmadi Anh Arif
    Asha Bao Chiara Chidinma Dariush Dong Ebere Fadime Gül Gülsen Hamza Hieu Ikechukwu
    Jamal Jamila Jelka Kaveh Khalid Kiran Lamin Layla Mahnaz Mamadou Mei Minh Mio Moussa
    Naveen Ngozi Nguyet Nisha Nkechi Olumide Oumar Quang Ravi Reiko Roya Sahra Seun Shirin
    Sunita Takeshi Thandiwe Thuy Tomoko Trang Yaw Yetunde Youssef Zhang Zahra Zodwa
    Agnieszka Bronisław Dorota Halina Jadwiga Krystyna Mirosław Stanisław Teresa Wiesław
    Alexandru Andreea Bogdana Cristian Florin Ionela Mihai Mihaela Răzvan Vasile Lejla Amina
    Edin Emir Haris Mirza Nermin Goran Nikola Stefan Vesna Dragana Milica Ljiljana Nenad
    Eleni Konstantinos Panagiotis Vasilis Katerina Sotiris Androniki Themis
    Oksana Taras Yulia Nataliya Bohdan Mykola Iryna Dmytro Vitalii Anatolii
    Aarav Aanya Ishaan Kavya Rohan Saanvi Vihaan Meera Arnav Nikhil Pradeep Ramesh Suresh
    Fiete Hinnerk Jannik Jannis Kilian Lasse Mats Merle Ole Pepe Tjark Wenke Frauke Gesa
    Hauke Imke Kai Knut Lutz Reiner Sönke Thees Ulf Volker Wiltrud Gerlinde Hildegard
    Waltraud Rosemarie Annelie Friedhelm Gottfried Hartmut Lothar Siegfried Ortrud
    Brandon Bradley Chelsea Courtney Darren Dwayne Ebony Gareth Gemma Kayleigh Kieran Liam
    Niamh Rhys Sinead Tyrone Zara Keisha Latoya Jamal Marcus Darnell Shanice Tariq
    Megan Hannah Lauren Jasmine Ashley Tyler Austin Kyle Logan Mason Jayden Aiden Caleb
    Madison Brianna Kimberly Jacqueline Heather Crystal Tiffany Brittany Amber Stacy
"""
# Words people capitalise mostly at a sentence's start; as a name only mid-sentence.
_SENTENCE_WORDS = """
    Will Can Said Nur Bill Pat Sue Guy Art Don Rich Hope Faith Joy Grace Dawn Rose Ray
    Max Chase Hunter Miles Lane Dean Drew Jack Frank Mark Christian Victor Sunny Summer
    Autumn Ivy Holly Ruby Iris Lily Jade Angel Precious Destiny Gay Bob Ken Ted Norm
    Sky Reed Rob Bo Jo Al Ed Dan Bud Page Royal Major Star Ocean Rain Gene Carol Penny
    Rosa Basil Amber Crystal Ebony Jasmine Heather Blessing Mats Malte Reiner Lasse Do Ma
    Long Bos
"""
# Names that are also capitalised nouns (German), months, or common surnames that are
# ordinary words: only with a cue or next to another name.
_NOUN_NAMES = """
    Ernst Heide Roman Milan August April June Juni Mai May Jan Kai Engel Glück Fee Hahn Sonne Adler
    Koch Bauer Richter Klein Wolf Fuchs Vogel Jung Keller Berger Roth Beck Lang Lange Graf
    Kaiser König Sommer Winter Schwarz Weiss Weiß Braun Frank Kraus Schuster Busch Stein
    Engel Horn Franke Sauer Schreiber Fischer
    King Young Brown Green White Black Hill Wood Baker Cook Ward Hall Rose Bell Fox Stone
    Walker Turner Cooper Parker Carter Hunter Mason Price Long Young Lee Park Song Sun Han
    Bond Bishop Church Day Field Gray Grey Hope Love Moon Nash Page Pope Rich Short Swift
    Noble Golden Silver Sterling Power Cross Dean Knight Lord Marshall Miller Porter Potter
"""
_SURNAMES = """
    Müller Mueller Schmidt Schmitt Schmid Meyer Meier Mayer Maier Hoffmann Hofmann Schulz
    Schulze Krüger Krueger Schröder Schroeder Neumann Zimmermann Hartmann Werner Schmitz
    Krause Lehmann Köhler Koehler Herrmann Walther Kaiser Peters Möller Moeller Lorenz
    Ludwig Günther Jäger Jaeger Vogt Seidel Heinrich Brandt Haas Schubert Dietrich Ziegler
    Kühn Kuehn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer
    Bülow Buelow Lüdenscheidt Quartermaine Smithers Schulte Wegner Böhm Boehm Kramer Otto
    Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik Yıldız Yildiz Yıldırım Öztürk Ozturk
    Aydın Aydin Özdemir Ozdemir Arslan Doğan Dogan Kılıç Kilic Aslan Çetin Cetin Kara Koç
    Kurt Özkan Şimşek Polat Erdoğan Güneş Aktaş Korkmaz Tekin Bayram Kaplan Acar
    Kowalski Kowalska Nowak Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska
    Lewandowski Lewandowska Zieliński Zielińska Szymański Woźniak Dąbrowski Kozłowski
    Jankowski Mazur Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski
    Ivanov Ivanova Petrov Petrova Smirnov Smirnova Kuznetsov Kuznetsova Popov Popova Sokolov
    Volkov Volkova Morozov Novikov Fedorov Shevchenko Kovalenko Bondarenko Tkachenko
    Kravchenko Melnyk Boyko Horvat Kovačević Babić Marić Jurić Novak Petrović Nikolić
    Jovanović Đorđević Hodžić Hadžić Delić Begić Papadopoulos Papadopoulou Georgiou
    Nikolaidis Pappas Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino
    Greco Bruno Gallo Conti Costa Giordano Mancini Lombardi Moretti García Garcia Fernández
    Fernandez González Gonzalez Rodríguez Rodriguez López Lopez Martínez Martinez Sánchez
    Sanchez Pérez Perez Gómez Gomez Díaz Diaz Hernández Hernandez Silva Santos Oliveira
    Pereira Ferreira Almeida Carvalho Rodrigues Gonçalves Dubois Durand Leroy Moreau Lefebvre
    Girard Bonnet Lambert Fontaine Rousseau Vincent Mercier Janssen Jansen Visser Smit
    Bakker Vries Dijk Meijer Mulder Bos Hendriks Dekker Andersen Nielsen Hansen Johansson
    Andersson Karlsson Nilsson Eriksson Larsson Olsen Pedersen Virtanen Korhonen Smith
    Jones Williams Johnson Davies Evans Wilson Thompson Robinson Wright Edwards Hughes
    Roberts Lewis Jackson Harris Clarke Clark Patel Shah Singh Kaur Kumar Sharma Gupta
    Verma Reddy Nair Iyer Rao Mehta Chowdhury Khan Hussain Hossain Rahman Ahmed Malik
    Qureshi Siddiqui Akhtar Haddad Khoury Nasser Mansour Saleh Hamdan Abbas Karimi Hosseini
    Rezaei Moradi Tehrani Jafari Rahimi Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui
    Do Ngo Duong Ly Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Wu Lin Guo Ma Kim Choi Jung
    Kang Cho Yoon Jang Lim Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura
    Kobayashi Kato Okafor Okonkwo Adeyemi Olawale Mensah Owusu Boateng Asante Osei Diallo
    Traoré Traore Keita Coulibaly Ndiaye Mwangi Otieno Kamau Njoroge Mbeki Dlamini Nkosi
    Abdi Farah Hassan Mohamud Tesfaye Bekele Haile Girma Kebede Cohen Levi Mizrahi Friedman
    O'Brien O'Connor O'Neill Murphy Kelly Byrne Ryan Walsh McCarthy Gallagher Doherty Kennedy
    MacDonald McDonald Campbell Stewart Anderson Robertson Reid Ross Murray Fraser Weber
    Wagner Becker Schäfer Schaefer Bergmann Huber Schneider Baumann Kuhn
"""
SENTENCE_WORDS: frozenset[str] = frozenset(_SENTENCE_WORDS.split())
NOUN_NAMES: frozenset[str] = frozenset(_NOUN_NAMES.split()) - SENTENCE_WORDS
NAMES: frozenset[str] = frozenset((_GIVEN + _SURNAMES).split()) - SENTENCE_WORDS - NOUN_NAMES
