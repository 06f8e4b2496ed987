"""Plausible values for a field of a user's output schema, chosen by what the field is called.

A field called ``colours`` gets colour names, ``author`` a person's name, ``price_eur`` a
price. The field's name decides first, then the schema's ``title`` and ``description``;
a ``name`` or ``title`` reads the object it belongs to (the ``name`` of a company is a
company name). Nothing is taken from the task's prompt.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

WORDS = (
    "atlas", "beacon", "cedar", "delta", "ember", "falcon", "harbor", "iris", "juniper",
    "keystone", "lumen", "meridian", "nova", "orchid", "pioneer", "quartz", "summit", "vertex",
)  # fmt: skip
_FIRST = ("Ada", "Grace", "Alan", "Maya", "Lena", "Omar", "Kenji", "Sofia", "Noah", "Priya")
_LAST = ("Lovelace", "Hopper", "Okafor", "Schmidt", "Tanaka", "Rossi", "Silva", "Novak", "Reyes")
_CITIES = ("Menlo Park", "San Francisco", "Austin", "London", "Berlin", "Toronto", "Singapore")
_COUNTRIES = ("United States", "Germany", "Canada", "Japan", "France", "Brazil", "India")
_COUNTRY_CODES = ("US", "DE", "CA", "JP", "FR", "BR", "IN")
_COLOURS = ("Red", "Black", "White", "Silver", "Blue", "Green", "Cream", "Grey")
_CURRENCIES = ("EUR", "USD", "GBP", "JPY", "CHF")
_LANGUAGES = ("English", "German", "French", "Spanish", "Japanese")
_CATEGORIES = ("kitchen", "home", "electronics", "outdoor", "travel", "sports", "books", "garden")
_STATUSES = ("active", "pending", "completed", "archived")
_MONTHS = ("January", "March", "April", "June", "September", "October", "December")
_COMPANY_ENDINGS = ("Labs", "Systems", "Networks", "Media", "Industries", "Group")
_PRODUCT_ENDINGS = ("One", "Pro", "Mini", "Max", "Plus", "Classic")
_HEADLINE_VERBS = ("launches", "opens", "reports", "announces", "expands")
_HEADLINE_OBJECTS = ("a new store", "record results", "its spring range", "a city office")
_SENTENCES = (
    "is well reviewed and ships within two days.",
    "was updated this week and lists several options.",
    "is available in three sizes, with free returns.",
    "is mentioned on the first page of results.",
)

# Kinds of field, most specific first; each with the words (or word pairs) that name it.
_KINDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (kind, frozenset(words.split(",")))
    for kind, words in (
        ("email", "email,e mail,mail"),
        ("url", "url,uri,link,website,homepage,href,site,web"),
        ("phone", "phone,telephone,tel,mobile,fax"),
        ("country_code", "country code,country iso"),
        ("currency", "currency"),
        ("zip", "zip,zipcode,zip code,postal,postcode,post code"),
        ("code", "id,uid,sku,code,isbn,ref,reference,serial"),
        ("handle", "username,handle,login,nickname"),
        ("colour", "colour,color,shade"),
        ("country", "country,nation"),
        ("city", "city,town,headquarters,headquarter,hq,location,place,venue,origin"),
        ("address", "address,street"),
        ("language", "language,lang,locale"),
        ("first_name", "first name,firstname,given name"),
        ("last_name", "last name,lastname,surname,family name"),
        (
            "person",
            "author,person,owner,ceo,founder,contact,customer,user,employee,manager,reviewer,"
            "writer,director,artist,speaker,player,member,assignee,creator",
        ),
        (
            "company",
            "company,brand,manufacturer,maker,vendor,seller,organization,organisation,employer,"
            "publisher,firm,business,store,shop,retailer,merchant,startup",
        ),
        ("status", "status"),
        ("category", "category,tag,keyword,genre,topic,label,type,kind,section"),
        ("date", "date,day,birthday,deadline"),
        ("time", "time,hour"),
        ("month", "month"),
        ("year", "year"),
        ("price", "price,cost,amount,fee,total"),
        (
            "text",
            "description,summary,text,content,body,note,comment,reason,explanation,answer,"
            "detail,review,bio,about,caption,snippet,excerpt,message,overview,feedback",
        ),
        ("headline", "title,headline,heading,subject"),
        ("name", "name"),
    )
)

# Numeric fields: the words that name them and a plausible (low, high) range.
_RANGES: tuple[tuple[frozenset[str], tuple[float, float]], ...] = tuple(
    (frozenset(words.split(",")), bounds)
    for words, bounds in (
        ("cap,capitalization,revenue,valuation,market", (1e10, 1.5e12)),
        ("price,cost,amount,fee,total", (5.0, 500.0)),
        ("rating,stars,score", (1.0, 5.0)),
        ("percent,percentage,pct", (0.0, 100.0)),
        ("ratio,probability,fraction", (0.0, 1.0)),
        ("year,founded", (1995.0, 2020.0)),
        ("age", (18.0, 90.0)),
        ("lat,latitude", (-90.0, 90.0)),
        ("lon,lng,longitude", (-180.0, 180.0)),
        ("minutes,seconds,hours,duration", (1.0, 120.0)),
        (
            "count,quantity,qty,stock,inventory,number,points,votes,comments,likes,views,"
            "followers,reviews,employees,population,rank,position",
            (0.0, 500.0),
        ),
    )
)


def words_of(text: str) -> list[str]:
    """``priceEUR`` / ``price_eur`` / ``Price in EUR`` -> ``['price', 'eur']`` (lower case)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return [w.lower() for w in re.findall(r"[A-Za-z]+|\d+", spaced)]


def singular(word: str) -> str:
    """A plural field name as one item of it: ``companies`` -> ``company``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _padded(text: str) -> str:
    words = words_of(text)
    return f" {' '.join(words)} {' '.join(map(singular, words))} "


def kind_of(texts: Iterable[str]) -> str | None:
    """The kind of field named by the first of ``texts`` (name, title, description) that
    names one."""
    for text in texts:
        padded = _padded(text)
        for kind, names in _KINDS:
            if any(f" {name} " in padded for name in names):
                return kind
    return None


def number_range(name: str) -> tuple[float, float] | None:
    """A plausible range for a numeric field called ``name`` (None: nothing to go on)."""
    padded = _padded(name)
    for names, bounds in _RANGES:
        if any(f" {word} " in padded for word in names):
            return bounds
    return None


def text_for(texts: Iterable[str], owner: str, rng: random.Random) -> str:
    """A string for a field: ``texts`` are its name, title and description; ``owner``
    names the object it belongs to."""
    texts = [t for t in texts if t]
    kind = kind_of(texts)
    word = rng.choice(WORDS).capitalize()
    if kind == "name":
        kind = _NAME_OF.get(kind_of([owner]) or "", kind)
    make = _MAKERS.get(kind or "")
    if make is not None:
        return make(rng, word)
    label = " ".join(words_of(texts[0])) if texts else ""
    return f"{word} {label}" if label else word


def _person(rng: random.Random, word: str) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


_MAKERS: dict[str, Callable[[random.Random, str], str]] = {
    "email": lambda rng, word: f"{word.lower()}.team@example.com",
    "url": lambda rng, word: f"https://www.{word.lower()}.example.com/",
    "phone": lambda rng, word: f"+1 555 01{rng.randint(0, 99):02d}",
    "country_code": lambda rng, word: rng.choice(_COUNTRY_CODES),
    "currency": lambda rng, word: rng.choice(_CURRENCIES),
    "zip": lambda rng, word: f"{rng.randint(10000, 99999)}",
    "code": lambda rng, word: f"{word[:3].upper()}-{rng.randint(1000, 9999)}",
    "handle": lambda rng, word: f"{word.lower()}_{rng.randint(1, 99)}",
    "colour": lambda rng, word: rng.choice(_COLOURS),
    "country": lambda rng, word: rng.choice(_COUNTRIES),
    "city": lambda rng, word: rng.choice(_CITIES),
    "address": lambda rng, word: f"{rng.randint(1, 250)} {word} Street",
    "language": lambda rng, word: rng.choice(_LANGUAGES),
    "first_name": lambda rng, word: rng.choice(_FIRST),
    "last_name": lambda rng, word: rng.choice(_LAST),
    "person": _person,
    "company": lambda rng, word: f"{word} {rng.choice(_COMPANY_ENDINGS)}",
    "status": lambda rng, word: rng.choice(_STATUSES),
    "category": lambda rng, word: rng.choice(_CATEGORIES),
    "date": lambda rng, word: f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    "time": lambda rng, word: f"{rng.randint(7, 20):02d}:{rng.choice(('00', '15', '30', '45'))}",
    "month": lambda rng, word: rng.choice(_MONTHS),
    "year": lambda rng, word: str(rng.randint(1995, 2024)),
    "price": lambda rng, word: f"{rng.randint(5, 499)}.{rng.choice(('00', '49', '90', '99'))}",
    "text": lambda rng, word: f"{word} {rng.choice(_SENTENCES)}",
    "headline": lambda rng, word: (
        f"{word} {rng.choice(_HEADLINE_VERBS)} {rng.choice(_HEADLINE_OBJECTS)}"
    ),
    "name": lambda rng, word: f"{word} {rng.choice(_PRODUCT_ENDINGS)}",
}
# The kind a `name` takes from the object it names: a person's name, a company's name...
_NAME_OF = {
    "person": "person",
    "company": "company",
    "city": "city",
    "country": "country",
    "language": "language",
    "colour": "colour",
}
