-- Each fediverse actor's RSA key pair (issue 17): made on first need by whichever node needs it
-- first; INSERT … ON CONFLICT DO NOTHING then a read, so two nodes racing end with one key.
-- actor_key: 'site', 'author:<author id>' or 'section:<section id>'. PEM texts: the public key as
-- X.509 SubjectPublicKeyInfo ("BEGIN PUBLIC KEY"), the private key as PKCS #8 ("BEGIN PRIVATE
-- KEY"). created_at: UTC epoch milliseconds.
CREATE TABLE fediverse_actor_key (
    actor_key VARCHAR(64) PRIMARY KEY,
    public_pem TEXT NOT NULL,
    private_pem TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
