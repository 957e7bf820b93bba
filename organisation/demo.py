"""Demo organisation: the people, directorates and wards named in the council papers (seeds)."""

from organisation.models import Directorate, Person, Ward

DIRECTORATES = [
    ("Chief Executive's", "CE"),
    ("Housing and Social Services", "HSS"),
    ("Community and Social Services", "CSS"),
    ("Education and Leisure", "EL"),
    ("Environmental Services", "ES"),
    ("Development Services", "DS"),
    ("Housing", "H"),
    ("Customer and Support Services", "CSS2"),
    ("Economic Development", "ED"),
]

# (full name, job title, directorate, extension, is director). The directors are the
# "responsible directors" of the 2003/04 programme (seed 001).
PEOPLE = [
    ("Judith Ingham", "Policy and Performance Officer", "Chief Executive's", "546496", False),
    ("Wes Cuell", "Head of Children's Services", "Housing and Social Services", "547502", False),
    ("Pam Booth", "Best Value Officer", "Chief Executive's", "2550", False),
    ("Jill Baker", "Director of Education and Leisure", "Education and Leisure", "", True),
    ("Bruce Jassi", "Director of Environmental Services", "Environmental Services", "", True),
    ("Martin Smith", "Director of Performance and Improvement", "Chief Executive's", "", True),
    ("John Townsend", "Director of Housing", "Housing", "", True),
    (
        "Anne Williams",
        "Director of Community and Social Services",
        "Community and Social Services",
        "",
        True,
    ),
    ("Malcolm Sykes", "Director of Development Services", "Development Services", "", True),
    (
        "Alan Westwood",
        "Director of Customer and Support Services",
        "Customer and Support Services",
        "",
        True,
    ),
    ("Bob Osborne", "Assistant Director of Housing", "Housing", "", True),
    ("John Willis", "Chief Executive", "Chief Executive's", "", True),
    ("Charles Green", "Director of Economic Development", "Economic Development", "", True),
]

# The nineteen wards of the borough (seed 002: "maps ... for each of the nineteen wards").
WARDS = [
    "Barnfield",
    "Biscot",
    "Bramingham",
    "Challney",
    "Crawley",
    "Dallow",
    "Farley",
    "High Town",
    "Icknield",
    "Leagrave",
    "Lewsey",
    "Limbury",
    "Northwell",
    "Round Green",
    "Saints",
    "South",
    "Stopsley",
    "Sundon Park",
    "Wigmore",
]


def email_for(full_name):
    return full_name.lower().replace(" ", ".") + "@example.gov.uk"


def load():
    directorates = {}
    for name, abbreviation in DIRECTORATES:
        directorates[name], _ = Directorate.objects.update_or_create(
            name=name, defaults={"abbreviation": abbreviation}
        )
    for full_name, job_title, directorate, extension, is_director in PEOPLE:
        Person.objects.update_or_create(
            full_name=full_name,
            defaults={
                "job_title": job_title,
                "directorate": directorates[directorate],
                "phone_extension": extension,
                "email": email_for(full_name),
                "is_director": is_director,
            },
        )
    for name in WARDS:
        Ward.objects.get_or_create(name=name)
