// On-demand rules, shared by VPN and encrypted DNS payloads: which networks and domains start
// (or stop) the connection.
//
// Key names, types and allowed values follow Apple's device-management schemas for
// com.apple.vpn.managed and com.apple.dnsSettings.managed.

import { array, dictionary, text } from './define.ts';

export interface OnDemandRuleOptions {
  /** Allowed `Action` values. */
  readonly actions: readonly string[];
  /** Allowed `DomainAction` values. */
  readonly domainActions: readonly string[];
  /** VPN rules may also require DNS servers and a URL probe for EvaluateConnection. */
  readonly evaluationProbes: boolean;
}

export function onDemandRules(options: OnDemandRuleOptions) {
  const actionParameter = dictionary(
    'ActionParameter',
    [
      array('Domains', text('DomainsElement', { title: 'Domain' }), { title: 'Domains', required: true, description: 'Domains this parameter applies to.' }),
      text('DomainAction', { title: 'Domain action', required: true, rangeList: [...options.domainActions], description: 'Connect when these domains fail to resolve, or never connect for them.' }),
      ...(options.evaluationProbes
        ? [
            array('RequiredDNSServers', text('RequiredDNSServersElement', { title: 'DNS server' }), { title: 'DNS servers for the domains' }),
            text('RequiredURLStringProbe', { title: 'Probe URL', description: 'HTTP or HTTPS URL whose unreachability triggers a connection.' }),
          ]
        : []),
    ],
    { title: 'Action parameter' },
  );

  const rule = dictionary(
    'OnDemandRulesElement',
    [
      text('Action', { title: 'Action', required: true, rangeList: [...options.actions], description: 'What to do when all the match conditions of this rule hold.' }),
      array('ActionParameters', actionParameter, { title: 'Action parameters', description: 'Per-domain decisions for EvaluateConnection.' }),
      array('DNSDomainMatch', text('DNSDomainMatchElement', { title: 'Search domain' }), { title: 'Match search domains', description: 'Matches when the network\'s search domain is one of these; wildcards allowed.' }),
      array('DNSServerAddressMatch', text('DNSServerAddressMatchElement', { title: 'DNS server' }), { title: 'Match DNS servers', description: 'Matches when the network\'s DNS servers are all among these.' }),
      text('InterfaceTypeMatch', { title: 'Match interface', rangeList: ['Ethernet', 'WiFi', 'Cellular'] }),
      array('SSIDMatch', text('SSIDMatchElement', { title: 'SSID' }), { title: 'Match Wi-Fi networks', description: 'Matches when the device is on one of these networks.' }),
      text('URLStringProbe', { title: 'Match reachable URL', description: 'Matches when a request to this URL returns HTTP status 200.' }),
    ],
    { title: 'Rule' },
  );

  return array('OnDemandRules', rule, { title: 'On-demand rules', description: 'Rules tried in order; the first one that matches decides.' });
}
