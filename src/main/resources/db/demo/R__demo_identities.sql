-- Demo profile only: the national identity numbers of the demo identities that the demo's OpenID
-- provider offers (DemoOpenIdProvider), as the portal keeps them: HMAC-SHA256 with the demo's
-- public identity key (application-demo.properties). The numbers are synthetic (month + 80, as in
-- Norwegian test data) and belong to nobody; README lists them.
update app_user u set pid_hash = d.pid_hash
from (values
    ('kari', 'f9e9530ccd4cc47f4e9c72b91ad0ca1c04227da0666ed6350fb70e92fd074379'),
    ('ola', '806a8539249d058721c2135d14288acddcf247e82aa9af789d3f63d48b360869'),
    ('lise', '7820909792d61ea18f9706c43f0d6bcece56f6fafdfb7d351bd72af40d8743b7'),
    ('rune', 'dcfc65d904b03ccf35351ab8f4e3ec86d69ab919738f0712255b8c4301f402f1'),
    ('per', '87bbe58661b2705e63765c6e92c8fe70e889b58f1fa034a76b680eba05fe8938'),
    ('siri', '8354520361171ce2f790c5ba28c208f8cfb3a060abb8bc09927cd5a762285f2c'),
    ('sverre', 'b18b04e1c48f5d554516bba0c19c7b05c8c39bb01539f96db421fbee7b4e09ef'),
    ('admin', 'cfcb76961aea2da098f57363640d35426dcd6115d396767302978f782d6773ab'),
    ('nina', '827253fc39a839650c4e8ecd55b784a35f1c0ac1eae3c5ff9040d1a1cd5a87ea')
) as d (username, pid_hash)
where u.username = d.username and u.pid_hash is distinct from d.pid_hash;
