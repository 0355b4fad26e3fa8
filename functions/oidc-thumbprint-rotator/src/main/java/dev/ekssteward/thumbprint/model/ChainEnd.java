package dev.ekssteward.thumbprint.model;

/**
 * The last certificate one TLS endpoint presented: what IAM's thumbprint is computed from.
 *
 * @param thumbprint lower-case hex SHA-1 of the certificate's DER encoding
 * @param subject the certificate's subject, for people reading the audit trail
 */
public record ChainEnd(String host, int port, String thumbprint, String subject) {}
