"""Air-gapped transfer: a model, its card, license text, BOM and a hashed manifest in one folder
(a bundle, format ``hangar-bundle/1``, docs/bundles.md) that another machine checks byte for byte
before the model enters its library.

manifest.py  the format: writing it, and reading it back with every field checked
files.py     streaming copy with SHA-256, safe names, a full disk said as such
export.py    writing a bundle next to its final name, renamed into place only when complete
importer.py  checking a bundle (links, names, sizes, hashes) and placing its files
signing.py   OpenSSF model signatures (the model-signing package): sign, describe, verify
"""
