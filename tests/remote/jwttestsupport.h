#pragma once
// Makes JWTs the way an identity provider would, with OpenSSL directly, so that the verifier is tested
// against tokens it did not produce itself.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace QwenSwarm::Testing {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

inline QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

inline QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline Pkey generateRsaKey(int bits)
{
    return Pkey(EVP_RSA_gen(static_cast<unsigned int>(bits)));
}

inline QByteArray publicKeyPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, static_cast<qsizetype>(size));
    BIO_free(bio);
    return pem;
}

inline QByteArray privateKeyPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, static_cast<qsizetype>(size));
    BIO_free(bio);
    return pem;
}

inline QByteArray hmacSha256(const QByteArray &secret, const QByteArray &data)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.constData(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), static_cast<size_t>(data.size()), mac, &length);
    return QByteArray(reinterpret_cast<const char *>(mac), static_cast<qsizetype>(length));
}

inline QByteArray rsaSha256(EVP_PKEY *key, const QByteArray &data)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char *>(data.constData()),
                   static_cast<size_t>(data.size()));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                   reinterpret_cast<const unsigned char *>(data.constData()), static_cast<size_t>(data.size()));
    EVP_MD_CTX_free(context);
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

/// header.payload, both base64url of compact JSON: what a signature covers.
inline QByteArray signingInput(const QJsonObject &header, const QJsonObject &payload)
{
    return base64Url(compactJson(header)) + '.' + base64Url(compactJson(payload));
}

inline QByteArray hs256Token(const QJsonObject &header, const QJsonObject &payload, const QByteArray &secret)
{
    const QByteArray input = signingInput(header, payload);
    return input + '.' + base64Url(hmacSha256(secret, input));
}

inline QByteArray rs256Token(const QJsonObject &header, const QJsonObject &payload, EVP_PKEY *key)
{
    const QByteArray input = signingInput(header, payload);
    return input + '.' + base64Url(rsaSha256(key, input));
}

} // namespace QwenSwarm::Testing
