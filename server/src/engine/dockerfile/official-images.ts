import { tagFacts } from '../image-tags';

/**
 * Docker Hub's official images (`library/…`), current and deprecated ones that can
 * still be pulled. A bare name in `FROM` or `--from` resolves to one of these; any
 * other bare name can only be a stage, a named build context or a local image.
 */
const OFFICIAL = new Set(
  `adminer aerospike almalinux alpine alt amazoncorretto amazonlinux api-firewall arangodb archlinux backdrop bash
  bonita buildpack-deps busybox caddy cassandra celery centos chronograf cirros clearlinux clefos clickhouse clojure
  composer consul convertigo couchbase couchdb crate dart debian django docker drupal eclipse-mosquitto
  eclipse-temurin eggdrop elasticsearch elixir emqx erlang fedora flink fluentd friendica gazebo gcc geonetwork
  ghost golang gradle groovy haproxy haskell haxe hello-world hitch httpd hylang ibm-semeru-runtimes ibmjava
  influxdb iojs irssi java jenkins jetty joomla jruby julia kapacitor kibana kong krakend lightstreamer liquibase
  logstash mageia mariadb matomo maven mediawiki memcached mongo mongo-express monica mono mysql nats neo4j
  neurodebian nextcloud nginx node notary odoo open-liberty openjdk oraclelinux orientdb owncloud percona perl
  photon php php-zendserver phpmyadmin plone postfixadmin postgres pypy python r-base rabbitmq rails rakudo-star
  redis redmine registry rethinkdb rocket.chat rockylinux ros ruby rust sapmachine satosa sentry silverpeas solr
  sonarqube spiped storm swift swipl teamspeak telegraf tomcat tomee traefik ubuntu unit varnish vault
  websphere-liberty wordpress xwiki yourls znc zookeeper`.split(/\s+/),
);

export function isOfficialImageName(name: string): boolean {
  const lower = name.toLowerCase();
  return OFFICIAL.has(lower) || tagFacts(lower) !== undefined;
}
