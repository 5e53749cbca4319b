"""Open Badges 3.0 verifiable credentials for course completions and recognition titles.

Each credential is an ``OpenBadgeCredential`` (W3C VCDM 2.0 + OB 3.0 contexts) signed
with a Data Integrity proof (eddsa-rdfc-2022), issued by a did:web issuer profile per
centre or recognising authority, revocable through a Bitstring Status List.
"""
