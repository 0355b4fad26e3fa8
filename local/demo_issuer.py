"""The demo's OIDC issuer: a small HTTPS server on localhost behind a private CA, as a self-hosted
Kubernetes cluster's service-account issuer would be (kubeadm, k3s, EKS Anywhere), the case where
IAM relies on the provider's thumbprints (docs/oidc-thumbprint-rotator.md).

Made fresh at every demo start with `cryptography` (which moto needs anyway):
  - a root CA, "eks-steward demo root", which the rotator trusts through its extra trust store
    (trust.p12, made with the JDK's keytool);
  - two intermediate CAs under it, "2025" (the issuer's CA at the start) and "2026" (its new CA);
  - a server certificate for localhost / 127.0.0.1 from each intermediate.

The server presents leaf + intermediate, so the thumbprint IAM wants (the SHA-1 of the last
certificate presented) is the intermediate's: switching to the 2026 chain is a CA change. It serves
/.well-known/openid-configuration (issuer and jwks_uri on the same host) and an empty JWKS.
"""
import datetime
import hashlib
import ipaddress
import json
import os
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

TRUST_STORE_PASSWORD = "eks-steward-demo"
CHAINS = ("2025", "2026")


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "eks-steward demo"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _cert(subject, key, issuer, issuer_key, ca, sans=None):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(issuer).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(days=1))
               .not_valid_after(now + datetime.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                          content_commitment=False, key_encipherment=False, data_encipherment=False,
                          key_agreement=False, encipher_only=False, decipher_only=False),
            critical=True)
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def thumbprint(cert):
    """What IAM stores: lower-case hex SHA-1 of the certificate's DER."""
    return hashlib.sha1(cert.public_bytes(serialization.Encoding.DER)).hexdigest()  # noqa: S324


def make_pki(directory):
    """Writes the root, trust store and both chains; returns {chain: thumbprint}."""
    os.makedirs(directory, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = _cert(_name("eks-steward demo root"), root_key, _name("eks-steward demo root"), root_key,
                 ca=True)
    with open(os.path.join(directory, "root.pem"), "wb") as f:
        f.write(_pem(root))
    prints = {}
    for chain in CHAINS:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = _cert(_name(f"eks-steward demo issuing CA {chain}"), ca_key, root.subject, root_key,
                   ca=True)
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = _cert(_name("localhost"), key, ca.subject, ca_key, ca=False,
                     sans=[x509.DNSName("localhost"),
                           x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
        with open(os.path.join(directory, f"{chain}-chain.pem"), "wb") as f:
            f.write(_pem(leaf) + _pem(ca))
        with open(os.path.join(directory, f"{chain}-key.pem"), "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
        prints[chain] = thumbprint(ca)
    store = os.path.join(directory, "trust.p12")
    if os.path.exists(store):
        os.remove(store)
    java_home = os.environ.get("JAVA_HOME")
    keytool = os.path.join(java_home, "bin", "keytool") if java_home else "keytool"
    subprocess.run([keytool, "-importcert", "-noprompt", "-alias", "eks-steward-demo-root",
                    "-file", os.path.join(directory, "root.pem"), "-keystore", store,
                    "-storetype", "PKCS12", "-storepass", TRUST_STORE_PASSWORD],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(os.path.join(directory, "thumbprints.json"), "w", encoding="utf-8") as f:
        json.dump(prints, f)
    return prints


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True  # the restart with the new chain binds the same port at once
    daemon_threads = True


class Issuer:
    """The HTTPS server; switch() restarts it on the same port with another chain."""

    def __init__(self, directory, port):
        self.directory, self.port, self.url = directory, port, f"https://localhost:{port}"
        self.server, self.chain = None, None

    def start(self, chain):
        url = self.url

        class Discovery(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/.well-known/openid-configuration":
                    body = {"issuer": url, "jwks_uri": f"{url}/keys",
                            "response_types_supported": ["id_token"],
                            "subject_types_supported": ["public"],
                            "id_token_signing_alg_values_supported": ["RS256"]}
                elif self.path == "/keys":
                    body = {"keys": []}
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(self.directory, f"{chain}-chain.pem"),
                                os.path.join(self.directory, f"{chain}-key.pem"))
        self.server = _Server(("127.0.0.1", self.port), Discovery)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.chain = chain

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def switch(self, chain):
        self.stop()
        self.start(chain)

    def chain_of(self, thumbprint):
        """Which of the demo's CAs a thumbprint is, for the printout."""
        with open(os.path.join(self.directory, "thumbprints.json"), encoding="utf-8") as f:
            names = {v: k for k, v in json.load(f).items()}
        return f"{names[thumbprint]} CA" if thumbprint in names else "unknown"

    def java_options(self):
        """The rotator's extra trust store (IssuerTrust), as system properties."""
        store = os.path.join(self.directory, "trust.p12")
        return (f"-Deks-steward.extraTrustStore={store}"
                f" -Deks-steward.extraTrustStorePassword={TRUST_STORE_PASSWORD}")
