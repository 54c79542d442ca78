"""SSH signatures over sign-offs: the SSHSIG format of `ssh-keygen -Y sign` and `git commit -S`.

An approval is a few lines of YAML and a commit author is whatever the committer's
machine says. A signature by the reviewer's own SSH key, checked against the public
keys the newsroom lists in an `allowed_signers` file, is neither: it holds whoever
committed the file, and survives squash merges and rebases.

Signing runs `ssh-keygen` (so keys in an agent or on a hardware token work as they do
for git); verifying is done here, in-process, with `cryptography`, imported only when
a signature is checked.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import ConfigError, ReviewError

NAMESPACE = "factcheck-signoff"
_MAGIC = b"SSHSIG"
_ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_ARMOR_END = "-----END SSH SIGNATURE-----"
_KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521")


class BadSignature(Exception):
    """Why a signature does not verify, in words for the finding."""


@dataclass(frozen=True)
class Signer:
    """One line of an allowed_signers file: who may sign, with which public key."""

    principals: tuple[str, ...]
    key: bytes  # the SSH public key blob
    namespaces: tuple[str, ...] | None = None


def _read_string(data: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(data):
        raise BadSignature("the signature is truncated")
    (n,) = struct.unpack(">I", data[pos : pos + 4])
    if pos + 4 + n > len(data):
        raise BadSignature("the signature is truncated")
    return data[pos + 4 : pos + 4 + n], pos + 4 + n


def _string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def unarmor(text: str) -> bytes:
    """The SSHSIG blob of an armored signature (or of its base64 body alone)."""
    body = "".join(ln.strip() for ln in text.strip().splitlines() if ln.strip() not in (_ARMOR_BEGIN, _ARMOR_END))
    try:
        return base64.b64decode(body, validate=True)
    except ValueError:
        raise BadSignature("the signature is not base64") from None


def verify(signature: str, message: bytes, signers: list[Signer], principal: str, namespace: str = NAMESPACE) -> None:
    """Raise BadSignature unless `signature` is `principal`'s key signing `message` in `namespace`."""
    blob = unarmor(signature)
    if not blob.startswith(_MAGIC) or blob[6:10] != b"\x00\x00\x00\x01":
        raise BadSignature("not an SSH signature (SSHSIG, version 1)")
    pos = 10
    key, pos = _read_string(blob, pos)
    ns, pos = _read_string(blob, pos)
    reserved, pos = _read_string(blob, pos)
    hash_alg, pos = _read_string(blob, pos)
    sig, pos = _read_string(blob, pos)
    if ns.decode("utf-8", "replace") != namespace:
        raise BadSignature(f"signed for `{ns.decode('utf-8', 'replace')}`, not for factcheck sign-offs")
    allowed = [
        s
        for s in signers
        if s.key == key and _names(s, principal) and (s.namespaces is None or namespace in s.namespaces)
    ]
    if not allowed:
        raise BadSignature(f"signed with a key that allowed_signers does not list for {principal}")
    if hash_alg not in (b"sha256", b"sha512"):
        raise BadSignature(f"unknown hash {hash_alg.decode('utf-8', 'replace')}")
    digest = hashlib.new(hash_alg.decode(), message).digest()
    signed = _MAGIC + _string(ns) + _string(reserved) + _string(hash_alg) + _string(digest)
    _verify_raw(key, sig, signed)


def _names(signer: Signer, principal: str) -> bool:
    import fnmatch

    who = principal.strip().lower()
    return any(fnmatch.fnmatchcase(who, p.lower()) for p in signer.principals)


def _verify_raw(key: bytes, sig: bytes, data: bytes) -> None:
    from cryptography.exceptions import InvalidSignature

    key_type, kpos = _read_string(key, 0)
    sig_type, spos = _read_string(sig, 0)
    raw, _ = _read_string(sig, spos)
    try:
        _check(key_type.decode(), key, kpos, sig_type.decode(), raw, data)
    except InvalidSignature:
        raise BadSignature("the signature does not match what was signed (the decision or the claim changed)") from None
    except (ValueError, UnicodeDecodeError):
        raise BadSignature("the signature or its key is malformed") from None


def _check(key_type: str, key: bytes, kpos: int, sig_type: str, raw: bytes, data: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    if key_type == "ssh-ed25519" and sig_type == "ssh-ed25519":
        pub, _ = _read_string(key, kpos)
        ed25519.Ed25519PublicKey.from_public_bytes(pub).verify(raw, data)
    elif key_type == "ssh-rsa" and sig_type in ("rsa-sha2-256", "rsa-sha2-512"):
        e, pos = _read_string(key, kpos)
        n, _ = _read_string(key, pos)
        rsa_key = rsa.RSAPublicNumbers(int.from_bytes(e, "big"), int.from_bytes(n, "big")).public_key()
        rsa_hash: hashes.HashAlgorithm = hashes.SHA512() if sig_type == "rsa-sha2-512" else hashes.SHA256()
        rsa_key.verify(raw, data, padding.PKCS1v15(), rsa_hash)
    elif key_type.startswith("ecdsa-sha2-") and sig_type == key_type:
        curve_name, pos = _read_string(key, kpos)
        point, _ = _read_string(key, pos)
        curve, algorithm = {
            b"nistp256": (ec.SECP256R1(), hashes.SHA256()),
            b"nistp384": (ec.SECP384R1(), hashes.SHA384()),
            b"nistp521": (ec.SECP521R1(), hashes.SHA512()),
        }[curve_name]
        r, pos = _read_string(raw, 0)
        s, _ = _read_string(raw, pos)
        der = encode_dss_signature(int.from_bytes(r, "big"), int.from_bytes(s, "big"))
        ec.EllipticCurvePublicKey.from_encoded_point(curve, point).verify(der, data, ec.ECDSA(algorithm))
    else:
        raise BadSignature(f"unsupported key or signature type ({key_type}, {sig_type})")


def parse_allowed_signers(text: str, *, path: str) -> list[Signer]:
    """The lines of an allowed_signers file (the format of ssh-keygen(1), ALLOWED SIGNERS)."""
    signers = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = _split(line)
        if len(fields) < 3:
            raise ConfigError("expected `principals [options] key-type base64-key`", path=path, line=n)
        principals, rest = fields[0], fields[1:]
        options = ""
        if rest[0] not in _KEY_TYPES:
            options, rest = rest[0], rest[1:]
        if "cert-authority" in options.lower():
            continue  # certificates are not used for sign-offs
        if len(rest) < 2 or rest[0] not in _KEY_TYPES:
            raise ConfigError(f"unsupported key type; use one of {', '.join(_KEY_TYPES)}", path=path, line=n)
        try:
            key = base64.b64decode(rest[1], validate=True)
        except ValueError:
            raise ConfigError("the key is not base64", path=path, line=n) from None
        signers.append(Signer(tuple(p for p in principals.split(",") if p), key, _namespaces(options)))
    return signers


def _split(line: str) -> list[str]:
    """Whitespace-separated fields; double quotes keep an option value with commas together."""
    out, cur, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
            cur += ch
        elif ch.isspace() and not quoted:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def _namespaces(options: str) -> tuple[str, ...] | None:
    for opt in options.split(","):
        if opt.lower().startswith("namespaces="):
            return tuple(opt.split("=", 1)[1].strip('"').split(","))
    # a comma inside quotes splits the option above; read the quoted list whole
    if 'namespaces="' in options.lower():
        start = options.lower().index('namespaces="') + len('namespaces="')
        return tuple(options[start : options.index('"', start)].split(","))
    return None


def sign(message: bytes, key: str, *, namespace: str = NAMESPACE) -> str:
    """Sign `message` with `ssh-keygen -Y sign`; `key` is a private key file, or a public key
    (file or `key::` literal, as in git's user.signingkey) whose private half is in ssh-agent."""
    with tempfile.TemporaryDirectory(prefix="factcheck-sign-") as tmp:
        key_file, agent = _key_file(key, Path(tmp))
        cmd = ["ssh-keygen", "-Y", "sign", "-n", namespace, "-f", key_file, *(["-U"] if agent else [])]
        try:
            proc = subprocess.run(cmd, input=message, capture_output=True, env={**os.environ, "LC_ALL": "C"})
        except FileNotFoundError:
            raise ReviewError("signing needs `ssh-keygen` (OpenSSH) on PATH") from None
    if proc.returncode != 0 or _ARMOR_BEGIN.encode() not in proc.stdout:
        why = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReviewError(f"could not sign the sign-off with {key}: {why[-1] if why else 'ssh-keygen failed'}")
    return "".join(ln for ln in proc.stdout.decode().splitlines() if ln and not ln.startswith("-----"))


def _key_file(key: str, tmp: Path) -> tuple[str, bool]:
    if key.startswith("key::"):
        path = tmp / "key.pub"
        path.write_text(key[len("key::") :].strip() + "\n")
        return str(path), True
    path = Path(os.path.expanduser(key))
    if not path.is_file():
        raise ReviewError(f"signing key {key} does not exist; set `git config user.signingkey` to your SSH key")
    return str(path), path.suffix == ".pub"
