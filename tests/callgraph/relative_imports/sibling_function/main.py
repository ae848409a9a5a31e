from pkg.core import process

out = process(" Data ")
