package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.thumbprint.model.IssuerUrl;

/**
 * Where to fetch an issuer from. Production has none (the issuer URL itself); the tests' component
 * binds one that sends EKS issuers to a local HTTPS server, since moto's issuer hosts are the real
 * ones. The allow-list and HTTPS checks apply to the issuer and to the routed URL alike.
 */
public interface IssuerRoute {
  IssuerUrl route(IssuerUrl issuer);
}
