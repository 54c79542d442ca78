"""Signed sign-offs: SSH signatures over each decision, checked in-process against the
newsroom's allowed_signers, trusted whoever committed the file."""

import json
import subprocess

import pytest

from factcheck.signoff import sshsig
from tests.gitnewsroom import CONFIG, EDITOR, RITA, WRITER, scanned

SIGNED_CONFIG = CONFIG + "signing: required\nallowed_signers: allowed_signers\n"


def _key(tmp_path, name, kind="ed25519"):
    path = tmp_path / "keys" / name
    path.parent.mkdir(exist_ok=True)
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", name, "-f", str(path)], check=True)
    return path


@pytest.fixture
def signed(newsroom, tmp_path):
    room = newsroom
    keys = {who: _key(tmp_path, who[1].split("@")[0]) for who in (EDITOR, RITA, WRITER)}
    lines = [
        f"{who[1]} {keys[who].with_suffix('.pub').read_text().split()[0]} {keys[who].with_suffix('.pub').read_text().split()[1]}"
        for who in (EDITOR, RITA)
    ]
    room.write("allowed_signers", "\n".join(lines) + "\n")
    room.write(".factcheck.yaml", SIGNED_CONFIG)
    room.commit("Require signed sign-offs")
    room.keys = keys
    return room


def _approve(room, who=EDITOR, draft="drafts/vote.md", *extra):
    room.git("config", "user.signingkey", str(room.keys[who]))
    ids = [c["id"] for c in room.claims(draft)]
    result = room.run("approve", draft, *ids, *extra, who=who)
    assert result.exit_code == 0, result.output
    return result


def _gate(room, *args):
    result = room.run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_a_signed_approval_passes_and_survives_a_squash_merge(signed):
    room = signed
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    _approve(room)
    entry = room.claims()[0]["reviews"][-1]
    assert entry["signature"] and entry["bound"] == {"value": 114.0}
    assert _gate(room, "--base", "main")[0] == 0
    # the squash commit is authored by the writer who opened the pull request
    room.git("checkout", "-q", "main")
    room.git("merge", "-q", "--squash", "story")
    room.commit("Council homes story (#12)", who=WRITER)
    code, findings = _gate(room)
    assert code == 0, findings


def test_without_signing_a_squash_merge_makes_approvals_look_forged(newsroom):
    room = newsroom
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    ids = [c["id"] for c in room.claims()]
    assert room.run("approve", "drafts/vote.md", *ids).exit_code == 0
    room.git("checkout", "-q", "main")
    room.git("merge", "-q", "--squash", "story")
    room.commit("Council homes story (#12)", who=WRITER)
    code, findings = _gate(room)
    assert code == 1 and {f["kind"] for f in findings} == {"forged"}


def test_an_unsigned_approval_committed_under_an_editors_name_is_forged(signed):
    from factcheck.config import load_config
    from factcheck.signoff import rules
    from factcheck.store import claims_files

    room = signed
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    with claims_files.editing(load_config(room.repo), "drafts/vote.md") as cf:
        for rec in cf.claims:
            rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    room.commit("Approve", who=EDITOR)  # GIT_AUTHOR_EMAIL says the editor; it was the writer
    code, findings = _gate(room, "--base", "main")
    assert code == 1
    assert [f["kind"] for f in findings] == ["forged"] * 3
    assert all("is not signed" in f["message"] for f in findings)


def test_a_signature_by_an_unlisted_key_is_forged(signed):
    room = signed
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    room.git("config", "user.signingkey", str(room.keys[WRITER]))  # the writer's own key, claiming to be Ed
    ids = [c["id"] for c in room.claims()]
    assert room.run("approve", "drafts/vote.md", *ids, who=EDITOR).exit_code == 0
    code, findings = _gate(room, "--base", "main")
    assert code == 1 and all("allowed_signers does not list for ed@example.org" in f["message"] for f in findings)


def test_a_signed_decision_cannot_be_edited(signed):
    room = signed
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    _approve(room, EDITOR, "drafts/vote.md", "-m", "checked")
    text = room.read("claims/drafts/vote.yaml")
    room.write("claims/drafts/vote.yaml", text.replace("by: ed@example.org", "by: rita@example.org", 1))
    room.commit("Say Rita approved it", who=RITA)
    code, findings = _gate(room, "--base", "main")
    assert code == 1
    assert any(f["kind"] == "forged" and "bad signature" in f["message"] for f in findings)


def test_changing_the_keys_on_the_branch_is_a_rule_change(signed):
    room = signed
    room.git("checkout", "-q", "-b", "story")
    pub = room.keys[WRITER].with_suffix(".pub").read_text().split()
    room.write("allowed_signers", room.read("allowed_signers") + f"ed@example.org {pub[0]} {pub[1]}\n")
    room.commit("Add a key")
    code, findings = _gate(room, "--base", "main")
    assert code == 1
    assert findings[0]["kind"] == "config-changed" and findings[0]["path"] == "allowed_signers"


def test_approve_without_a_signing_key_is_refused(signed):
    room = signed
    scanned(room)
    cid = room.claims()[0]["id"]
    before = room.read("claims/drafts/vote.yaml")
    result = room.run("approve", "drafts/vote.md", cid)
    assert result.exit_code == 2 and "git config user.signingkey" in result.stderr
    assert room.read("claims/drafts/vote.yaml") == before


def test_signatures_verify_with_ssh_keygen_too(signed, tmp_path):
    from factcheck.signoff import rules

    room = signed
    scanned(room)
    _approve(room)
    entry = room.claims()[0]["reviews"][-1]
    sig = tmp_path / "entry.sig"
    sig.write_text("-----BEGIN SSH SIGNATURE-----\n" + entry["signature"] + "\n-----END SSH SIGNATURE-----\n")
    proc = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(room.repo / "allowed_signers"),
            "-I",
            "ed@example.org",
            "-n",
            sshsig.NAMESPACE,
            "-s",
            str(sig),
        ],
        input=rules.signed_message(entry),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("kind", ["ed25519", "rsa", "ecdsa"])
def test_ssh_keygen_signatures_verify_in_process(tmp_path, kind):
    key = _key(tmp_path, kind, kind)
    kind_name, blob = key.with_suffix(".pub").read_text().split()[:2]
    (tmp_path / "msg").write_bytes(b"approved")
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-f", str(key), "-n", sshsig.NAMESPACE, str(tmp_path / "msg")], check=True
    )
    armored = (tmp_path / "msg.sig").read_text()
    signers = sshsig.parse_allowed_signers(
        f'ed@example.org namespaces="{sshsig.NAMESPACE},git" {kind_name} {blob}\n', path="a"
    )
    sshsig.verify(armored, b"approved", signers, "ed@example.org")
    with pytest.raises(sshsig.BadSignature, match="does not match"):
        sshsig.verify(armored, b"rejected", signers, "ed@example.org")
    with pytest.raises(sshsig.BadSignature, match="does not list"):
        sshsig.verify(armored, b"approved", signers, "rita@example.org")
    with pytest.raises(sshsig.BadSignature, match="not for factcheck"):
        sshsig.verify(armored, b"approved", signers, "ed@example.org", namespace="git")
