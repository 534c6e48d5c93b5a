"""Word lists the seeder draws people, companies and places from, one set per locale.

Plain data, written for this project. Each locale is the country of a person or company;
the seeder keeps a lead's name, company, address, phone and preferred language in one
locale so a record reads like a real one. Accented letters (é, ñ, ü, ß, ø...) are there on
purpose: the sync must carry them unharmed.

Pattern strings: ``#`` is a digit, ``@`` an upper-case letter, anything else is literal.
"""

from __future__ import annotations

from typing import Final

LOCALES: Final = ("es", "it", "nl", "fr", "en")

#: ``Preferred_Language__c`` of people from each locale.
LANGUAGE: Final = {
    "es": "Spanish", "it": "Italian", "nl": "Dutch", "fr": "French", "en": "English",
}

#: The User time zone of sales reps from each locale (a restricted picklist).
TIME_ZONE: Final = {
    "es": "Europe/Madrid", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "fr": "Europe/Paris", "en": "America/Los_Angeles",
}

#: Share of leads from each locale, in percent.
LOCALE_WEIGHTS: Final = {"es": 24, "it": 20, "nl": 16, "fr": 20, "en": 20}

FIRST_NAMES: Final = {
    "es": (
        "María", "José", "Lucía", "Sofía", "Martín", "Ángel", "Inés", "Raúl", "Begoña",
        "Íñigo", "Nuria", "Jesús", "Joaquín", "Álvaro", "Tomás", "Andrés", "Víctor",
        "Adrián", "Rocío", "Ramón", "Mónica", "Carmen", "Pilar", "Javier", "Sergio", "Elena",
        "Paula", "Alba", "Noelia", "Héctor", "Óscar", "Rubén", "Iván", "Nerea", "Ainhoa",
        "Maite", "Concepción", "Fermín", "Asunción", "Germán",
    ),
    "it": (
        "Giulia", "Francesca", "Chiara", "Alessandro", "Lorenzo", "Matteo", "Niccolò",
        "Nicolò", "Andrea", "Federica", "Elisa", "Giorgio", "Luca", "Marco", "Simone", "Sara",
        "Martina", "Beatrice", "Davide", "Riccardo", "Tommaso", "Gabriele", "Ilaria",
        "Valentina", "Raffaele", "Salvatore", "Pietro", "Caterina", "Vittoria", "Emanuele",
        "Ludovica", "Gioele", "Noè", "Mattia", "Arianna", "Benedetta",
    ),
    "nl": (
        "Sanne", "Daan", "Sem", "Lieke", "Femke", "Joëlle", "Noël", "Anouk", "Bram", "Thijs",
        "Jeroen", "Maarten", "Ruud", "Wouter", "Eline", "Floor", "Iris", "Jasper", "Koen",
        "Lotte", "Marloes", "Niels", "Pieter", "Roos", "Stijn", "Tess", "Willem", "Zoë",
        "Chloë", "Daniëlle", "Michiel", "Geert", "Hanneke", "Ilse", "Joris", "Mees", "Sjoerd",
        "Søren", "Jürgen", "Björn",
    ),
    "fr": (
        "Amélie", "Chloé", "Léa", "Élodie", "Hélène", "Noémie", "Zoé", "Océane", "Léon",
        "Théo", "Raphaël", "Jérôme", "François", "Benoît", "Gaël", "Loïc", "Mathéo", "Anaïs",
        "Maëlle", "Clément", "Stéphane", "Sébastien", "Frédéric", "Thérèse", "Geneviève",
        "Céline", "Agnès", "Aurélien", "Grégoire", "Joël", "Camille", "Julien", "Manon",
        "Nicolas", "Pauline", "Antoine", "Margaux", "Inès", "Hervé", "Ophélie",
    ),
    "en": (
        "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Emily", "Charlotte",
        "Thomas", "James", "Sophie", "William", "Grace", "Daniel", "Hannah", "Matthew",
        "Lucy", "Samuel", "Chloe", "Joshua", "Ella", "Ethan", "Megan", "Benjamin", "Renée",
        "Siobhán", "Seán", "Niamh", "Róisín", "Bjørn", "Zoë", "Eoin", "Aoife", "Priya",
        "Rhys",
    ),
}

LAST_NAMES: Final = {
    "es": (
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
        "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz",
        "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez",
        "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Castillo",
        "Ortega", "Núñez", "Peña", "Ibáñez", "Ordóñez", "Cañizares", "Zúñiga", "Saldaña",
        "Echeverría", "de la Fuente", "del Río", "Arrieta", "Larrañaga", "Montaño",
        "Villalón", "Bermúdez", "Sáez", "Cortés", "Benítez",
    ),
    "it": (
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
        "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
        "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
        "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
        "Gentile", "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
        "Parisi", "Villa", "Cantù", "Lucà", "Ferrè", "Sciacca", "Fabbri", "Pellegrini",
        "Sanna", "Cattaneo", "Dell'Acqua", "Zanetti",
    ),
    "nl": (
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
        "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
        "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel",
        "van der Veen", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Hoekstra",
        "Maas", "Verhoeven", "van 't Hof", "Müller", "Weiß", "Strauß", "Großmann", "Voß",
        "Öztürk", "Sørensen", "Jørgensen", "Brüggemann", "Coşkun", "IJzerman", "Çelik",
    ),
    "fr": (
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
        "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau", "Guérin", "Chevalier",
        "Gérard", "Noël", "Ménard", "Prévost", "Rivière", "Carré", "Rémy", "Lefèbvre",
        "Hébert", "Bélanger", "Côté", "Pâquet", "Le Gall", "Da Silva", "Lacroix", "Mathieu",
        "Besançon", "Daumier",
    ),
    "en": (
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
        "Hall", "Wood", "Jackson", "Clarke", "O'Brien", "O'Connor", "MacDonald", "O'Sullivan",
        "Ní Bhriain", "Brontë", "Patel", "Khan", "Lewis", "Hughes", "Edwards", "Morgan",
        "Murphy", "Kelly", "Campbell", "Stewart", "Hansen", "Møller", "Ó Súilleabháin",
        "Fitzgerald",
    ),
}

#: Company name pieces: ``{kind} {surname}`` / ``{kind} {place}`` plus a legal suffix.
COMPANY_KINDS: Final = {
    "es": (
        "Transportes", "Construcciones", "Distribuciones", "Cerámicas", "Aceites",
        "Bodegas", "Talleres", "Logística", "Ingeniería", "Consultoría", "Seguros",
        "Muebles", "Panadería", "Clínica Dental", "Hoteles", "Editorial", "Textil",
        "Papelera", "Frutas", "Informática", "Energías", "Conservas", "Grupo", "Estudio",
    ),
    "it": (
        "Trasporti", "Costruzioni", "Distribuzione", "Ceramiche", "Oleificio", "Cantina",
        "Officine", "Logistica", "Ingegneria", "Consulenza", "Assicurazioni", "Mobilificio",
        "Panificio", "Studio Dentistico", "Alberghi", "Edizioni", "Tessitura", "Cartiera",
        "Ortofrutta", "Informatica", "Energia", "Conserve", "Gruppo", "Studio",
    ),
    "nl": (
        "Transport", "Bouwbedrijf", "Groothandel", "Keramiek", "Brouwerij", "Wijnhandel",
        "Machinefabriek", "Logistiek", "Ingenieursbureau", "Adviesbureau", "Verzekeringen",
        "Meubelmakerij", "Bakkerij", "Tandartspraktijk", "Hotelgroep", "Uitgeverij",
        "Textiel", "Papierfabriek", "Kwekerij", "ICT", "Energie", "Conservenfabriek",
        "Holding", "Studio",
    ),
    "fr": (
        "Transports", "Bâtiment", "Distribution", "Céramiques", "Huilerie", "Domaine",
        "Ateliers", "Logistique", "Ingénierie", "Conseil", "Assurances", "Ébénisterie",
        "Boulangerie", "Cabinet Dentaire", "Hôtels", "Éditions", "Textiles", "Papeterie",
        "Primeurs", "Informatique", "Énergies", "Conserverie", "Groupe", "Studio",
    ),
    "en": (
        "Haulage", "Builders", "Wholesale", "Pottery", "Brewery", "Wine Merchants",
        "Engineering Works", "Logistics", "Engineering", "Consulting", "Insurance",
        "Furniture", "Bakery", "Dental Practice", "Hotels", "Publishing", "Textiles",
        "Paper Mills", "Growers", "IT Services", "Energy", "Preserves", "Holdings", "Studio",
    ),
}

#: Whether the kind word goes before the name (``Transportes García``) or after it
#: (``García Transport``); Dutch and English firms usually put it after.
KIND_FIRST: Final = {"es": True, "it": True, "nl": False, "fr": True, "en": False}

COMPANY_SUFFIXES: Final = {
    "es": ("S.L.", "S.A.", "S.L.U.", "y Asociados S.L.", "Hermanos S.A."),
    "it": ("S.r.l.", "S.p.A.", "S.n.c.", "& Figli S.r.l.", "S.a.s."),
    "nl": ("B.V.", "N.V.", "V.O.F.", "& Zn. B.V.", "Groep B.V."),
    "fr": ("SARL", "SA", "SAS", "et Fils SARL", "& Associés SAS"),
    "en": ("Ltd", "plc", "LLP", "& Sons Ltd", "Group Ltd"),
}

#: (city, state or region, postal code pattern, country)
CITIES: Final = {
    "es": (
        ("Madrid", "Madrid", "28###", "España"),
        ("Barcelona", "Cataluña", "08###", "España"),
        ("Valencia", "Comunidad Valenciana", "46###", "España"),
        ("Sevilla", "Andalucía", "41###", "España"),
        ("Málaga", "Andalucía", "29###", "España"),
        ("Bilbao", "País Vasco", "48###", "España"),
        ("Zaragoza", "Aragón", "50###", "España"),
        ("A Coruña", "Galicia", "15###", "España"),
        ("Córdoba", "Andalucía", "14###", "España"),
        ("Logroño", "La Rioja", "26###", "España"),
        ("León", "Castilla y León", "24###", "España"),
        ("Ávila", "Castilla y León", "05###", "España"),
        ("San Sebastián", "País Vasco", "20###", "España"),
        ("Castellón de la Plana", "Comunidad Valenciana", "12###", "España"),
    ),
    "it": (
        ("Milano", "Lombardia", "201##", "Italia"),
        ("Roma", "Lazio", "001##", "Italia"),
        ("Torino", "Piemonte", "101##", "Italia"),
        ("Napoli", "Campania", "801##", "Italia"),
        ("Bologna", "Emilia-Romagna", "401##", "Italia"),
        ("Firenze", "Toscana", "501##", "Italia"),
        ("Forlì", "Emilia-Romagna", "471##", "Italia"),
        ("Cantù", "Lombardia", "22063", "Italia"),
        ("Genova", "Liguria", "161##", "Italia"),
        ("Venezia", "Veneto", "301##", "Italia"),
        ("Bari", "Puglia", "701##", "Italia"),
        ("Palermo", "Sicilia", "901##", "Italia"),
        ("Verona", "Veneto", "371##", "Italia"),
        ("Sant'Agnello", "Campania", "80065", "Italia"),
    ),
    "nl": (
        ("Amsterdam", "Noord-Holland", "10## @@", "Nederland"),
        ("Rotterdam", "Zuid-Holland", "30## @@", "Nederland"),
        ("Den Haag", "Zuid-Holland", "25## @@", "Nederland"),
        ("Utrecht", "Utrecht", "35## @@", "Nederland"),
        ("Eindhoven", "Noord-Brabant", "56## @@", "Nederland"),
        ("Groningen", "Groningen", "97## @@", "Nederland"),
        ("Tilburg", "Noord-Brabant", "50## @@", "Nederland"),
        ("Almere", "Flevoland", "13## @@", "Nederland"),
        ("Nijmegen", "Gelderland", "65## @@", "Nederland"),
        ("'s-Hertogenbosch", "Noord-Brabant", "52## @@", "Nederland"),
        ("Leeuwarden", "Fryslân", "89## @@", "Nederland"),
        ("Zwolle", "Overijssel", "80## @@", "Nederland"),
        ("Antwerpen", "Antwerpen", "20##", "België"),
        ("Gent", "Oost-Vlaanderen", "90##", "België"),
    ),
    "fr": (
        ("Paris", "Île-de-France", "750##", "France"),
        ("Lyon", "Auvergne-Rhône-Alpes", "6900#", "France"),
        ("Marseille", "Provence-Alpes-Côte d'Azur", "130##", "France"),
        ("Toulouse", "Occitanie", "310##", "France"),
        ("Nice", "Provence-Alpes-Côte d'Azur", "06###", "France"),
        ("Nantes", "Pays de la Loire", "44###", "France"),
        ("Strasbourg", "Grand Est", "67###", "France"),
        ("Montpellier", "Occitanie", "34###", "France"),
        ("Bordeaux", "Nouvelle-Aquitaine", "33###", "France"),
        ("Lille", "Hauts-de-France", "59###", "France"),
        ("Orléans", "Centre-Val de Loire", "45###", "France"),
        ("Besançon", "Bourgogne-Franche-Comté", "25###", "France"),
        ("Saint-Étienne", "Auvergne-Rhône-Alpes", "42###", "France"),
        ("Nîmes", "Occitanie", "30###", "France"),
    ),
    "en": (
        ("London", "England", "EC#@ #@@", "United Kingdom"),
        ("Manchester", "England", "M# #@@", "United Kingdom"),
        ("Birmingham", "England", "B# #@@", "United Kingdom"),
        ("Leeds", "England", "LS# #@@", "United Kingdom"),
        ("Bristol", "England", "BS# #@@", "United Kingdom"),
        ("Edinburgh", "Scotland", "EH# #@@", "United Kingdom"),
        ("Glasgow", "Scotland", "G# #@@", "United Kingdom"),
        ("Cardiff", "Wales", "CF## #@@", "United Kingdom"),
        ("Belfast", "Northern Ireland", "BT# #@@", "United Kingdom"),
        ("Dublin", "Leinster", "D0# @###", "Ireland"),
        ("Cork", "Munster", "T12 @###", "Ireland"),
        ("Galway", "Connacht", "H91 @###", "Ireland"),
    ),
}

#: Street patterns (``{n}`` house number, ``{s}`` street name) and street names.
STREET_PATTERNS: Final = {
    "es": ("Calle {s}, {n}", "Avenida {s}, {n}", "Plaza {s}, {n}", "Paseo {s}, {n}"),
    "it": ("Via {s}, {n}", "Corso {s}, {n}", "Piazza {s}, {n}", "Viale {s}, {n}"),
    "nl": ("{s}straat {n}", "{s}weg {n}", "{s}gracht {n}", "{s}laan {n}"),
    "fr": ("{n} rue {s}", "{n} avenue {s}", "{n} boulevard {s}", "{n} place {s}"),
    "en": ("{n} {s} Street", "{n} {s} Road", "{n} {s} Lane", "Unit {n}, {s} Park"),
}

STREET_NAMES: Final = {
    "es": (
        "Mayor", "de Alcalá", "de Serrano", "de la Constitución", "del Príncipe de Vergara",
        "de Núñez de Balboa", "de Colón", "de San Fernando", "de la Castellana",
        "de los Reyes Católicos", "del Doctor Fleming", "de Andalucía", "de Nuestra Señora",
    ),
    "it": (
        "Garibaldi", "Roma", "Vittorio Emanuele II", "Dante Alighieri", "Mazzini", "Cavour",
        "della Repubblica", "dei Mille", "San Nicolò", "Libertà", "XX Settembre",
        "Santa Lucia", "Niccolò Tommaseo",
    ),
    "nl": (
        "Kerk", "Molen", "Dorps", "School", "Heren", "Keizers", "Prinsen", "Stations",
        "Markt", "Beuken", "Eiken", "Linden", "Wilhelmina",
    ),
    "fr": (
        "de la République", "Victor Hugo", "Jean Jaurès", "de la Gare", "du Général de Gaulle",
        "Pasteur", "de l'Église", "des Écoles", "Émile Zola", "Saint-Honoré",
        "du Château", "Gambetta", "des Lilas",
    ),
    "en": (
        "High", "Station", "Church", "Victoria", "Mill", "King's", "Queen's", "Park",
        "Riverside", "Albion", "Castle", "Oakfield", "Meadow",
    ),
}

#: Phone patterns: office and mobile.
PHONE_PATTERNS: Final = {
    "es": ("+34 9## ### ###", "+34 6## ### ###"),
    "it": ("+39 0## ### ####", "+39 3## ### ####"),
    "nl": ("+31 ## ### ####", "+31 6 #### ####"),
    "fr": ("+33 # ## ## ## ##", "+33 6 ## ## ## ##"),
    "en": ("+44 20 #### ####", "+44 7### ######"),
}

#: Office numbers of the countries that do not dial like the rest of their locale.
OFFICE_PHONE_BY_COUNTRY: Final = {
    "Ireland": "+353 # ### ####",
    "België": "+32 # ### ## ##",
}

#: Job titles, in forms that fit anyone (Spanish, Italian and French titles often show
#: gender; these do not, so any title can go with any name).
TITLES: Final = {
    "es": (
        "Responsable de Marketing", "Responsable Comercial", "Responsable de Compras",
        "Responsable de Sistemas", "Gerente", "Dirección Financiera", "Administración",
        "Coordinación de Operaciones",
    ),
    "it": (
        "Responsabile Marketing", "Responsabile Acquisti", "Responsabile Commerciale",
        "Responsabile IT", "Responsabile Qualità", "Titolare", "Amministrazione",
        "Direzione Generale",
    ),
    "nl": (
        "Marketingmanager", "Hoofd Inkoop", "Directeur", "ICT-beheerder", "Salesmanager",
        "Office manager", "Financieel directeur", "Eigenaar",
    ),
    "fr": (
        "Responsable marketing", "Responsable achats", "Responsable d'agence",
        "Responsable informatique",
        "Responsable des ventes", "Direction financière", "Direction générale",
        "Responsable qualité",
    ),
    "en": (
        "Head of Marketing", "Procurement Manager", "Managing Director", "IT Manager",
        "Sales Director", "Office Manager", "Finance Director", "Operations Lead",
    ),
}

DEPARTMENTS: Final = {
    "es": ("Marketing", "Ventas", "Compras", "Finanzas", "Sistemas", "Operaciones", "Dirección"),
    "it": ("Marketing", "Vendite", "Acquisti", "Amministrazione", "IT", "Produzione",
           "Direzione"),
    "nl": ("Marketing", "Verkoop", "Inkoop", "Financiën", "ICT", "Operations", "Directie"),
    "fr": ("Marketing", "Ventes", "Achats", "Finances", "Informatique", "Production",
           "Direction"),
    "en": ("Marketing", "Sales", "Procurement", "Finance", "IT", "Operations", "Board"),
}

#: Short notes a sales rep might leave on a lead, in the lead's language.
LEAD_NOTES: Final = {
    "es": (
        "Interesado en la sincronización bidireccional. Llamar después del verano.",
        "Pidió una demostración para su equipo de marketing.",
        "Vino de la feria de Madrid; quiere precios para 50 usuarios.",
    ),
    "it": (
        "Interessato alla sincronizzazione bidirezionale. Richiamare a settembre.",
        "Ha chiesto una demo per il reparto marketing.",
        "Conosciuto alla fiera di Milano; vuole un preventivo per 50 utenti.",
    ),
    "nl": (
        "Geïnteresseerd in tweerichtingssynchronisatie. Na de zomer terugbellen.",
        "Vroeg om een demo voor het marketingteam.",
        "Ontmoet op de beurs in Utrecht; wil een offerte voor 50 gebruikers.",
    ),
    "fr": (
        "Intéressé par la synchronisation bidirectionnelle. Rappeler après l'été.",
        "A demandé une démonstration pour l'équipe marketing.",
        "Rencontré au salon de Lyon ; souhaite un devis pour 50 utilisateurs.",
    ),
    "en": (
        "Interested in two-way sync. Call back after the summer.",
        "Asked for a demo for the marketing team.",
        "Met at the London trade show; wants a quote for 50 seats.",
    ),
}

EMAIL_BOUNCE_REASONS: Final = (
    "550 5.1.1 The email account that you tried to reach does not exist",
    "552 5.2.2 Mailbox full",
    "554 5.7.1 Message rejected as spam",
)

CAMPAIGN_THEMES: Final = (
    ("Webinar", "Webinar: two-way sync without tears"),
    ("Trade Show", "Salon Data & CRM Lyon"),
    ("Email", "Nieuwsbrief voorjaar"),
    ("Conference", "Conferenza CRM Milano"),
    ("Advertisement", "Campaña de otoño en redes"),
    ("Webinar", "Webinar: la sincronización paso a paso"),
    ("Email", "Product update newsletter"),
    ("Trade Show", "Feria Logística Barcelona"),
    ("Conference", "Journée clients Paris"),
    ("Other", "Partner referral programme"),
)

EVENT_LOCATIONS: Final = (
    "Teams", "Zoom", "Google Meet", "Oficina de Madrid", "Sede di Milano",
    "Kantoor Utrecht", "Bureau de Lyon", "London office", "Café de la Gare",
)

TASK_SUBJECTS: Final = ("Call", "Send Letter", "Send Quote", "Other", "Follow-up email",
                        "Prepare proposal")
EVENT_SUBJECTS: Final = ("Call", "Email", "Meeting", "Other", "Demo", "Onsite visit")
