import hashlib
import re


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def slug_hash(text):
    slug = slugify(text)
    return hashlib.sha1(slug.encode()).hexdigest()[:8]
