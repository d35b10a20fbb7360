"""Peru's 25 departments, Callao included: the only built-in list the archive has.

Spelled as the seed articles spell them. The data migration creates them; the importer uses the same list
(accent-insensitively, since articles write "Apurimac" as often as "Apurímac").
"""

from .text import slug_for

DEPARTMENT_NAMES = [
    "Amazonas",
    "Ancash",
    "Apurímac",
    "Arequipa",
    "Ayacucho",
    "Cajamarca",
    "Callao",
    "Cusco",
    "Huancavelica",
    "Huánuco",
    "Ica",
    "Junín",
    "La Libertad",
    "Lambayeque",
    "Lima",
    "Loreto",
    "Madre de Dios",
    "Moquegua",
    "Pasco",
    "Piura",
    "Puno",
    "San Martín",
    "Tacna",
    "Tumbes",
    "Ucayali",
]


def create_departments(department_model):
    """Make sure all 25 departments exist: the data migration (with its historical model) and tests use this."""
    for name in DEPARTMENT_NAMES:
        department_model.objects.get_or_create(name=name, defaults={"slug": slug_for(name)})
