-- Ofsted inspections for researchers: the reference list of local
-- authorities, and one row per inspection with a column per area.

-- authorities is the reference list of English local authorities with
-- children's services (corpus/authorities.csv, which Scrutiny embeds to
-- match a document to its authority): Ofsted URN, DfE code, ONS code,
-- name, region and type.
CREATE TABLE authorities (
  urn     TEXT PRIMARY KEY,
  la_code TEXT NOT NULL,
  ons_code TEXT NOT NULL,
  name    TEXT NOT NULL,
  region  TEXT NOT NULL,
  type    TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO authorities (urn, la_code, ons_code, name, region, type) VALUES
  ('80486', '301', 'E09000002', 'Barking and Dagenham', 'London', 'London Borough'),
  ('80487', '302', 'E09000003', 'Barnet', 'London', 'London Borough'),
  ('80426', '370', 'E08000038', 'Barnsley', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80427', '800', 'E06000022', 'Bath and North East Somerset', 'South West', 'Unitary Authority'),
  ('80428', '822', 'E06000055', 'Bedford Borough', 'East of England', 'Unitary Authority'),
  ('80488', '303', 'E09000004', 'Bexley', 'London', 'London Borough'),
  ('80429', '330', 'E08000025', 'Birmingham', 'West Midlands', 'Metropolitan District'),
  ('80430', '889', 'E06000008', 'Blackburn with Darwen', 'North West', 'Unitary Authority'),
  ('80431', '890', 'E06000009', 'Blackpool', 'North West', 'Unitary Authority'),
  ('80432', '350', 'E08000001', 'Bolton', 'North West', 'Metropolitan District'),
  ('2532287', '839', 'E06000058', 'Bournemouth, Christchurch and Poole', 'South West', 'Unitary Authority'),
  ('80436', '867', 'E06000036', 'Bracknell Forest', 'South East', 'Unitary Authority'),
  ('80449', '380', 'E08000032', 'Bradford', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80489', '304', 'E09000005', 'Brent', 'London', 'London Borough'),
  ('80438', '846', 'E06000043', 'Brighton and Hove', 'South East', 'Unitary Authority'),
  ('80441', '801', 'E06000023', 'Bristol, City of', 'South West', 'Unitary Authority'),
  ('80490', '305', 'E09000006', 'Bromley', 'London', 'London Borough'),
  ('80442', '825', 'E06000060', 'Buckinghamshire', 'South East', 'Unitary Authority'),
  ('80443', '351', 'E08000002', 'Bury', 'North West', 'Metropolitan District'),
  ('80444', '381', 'E08000033', 'Calderdale', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80445', '873', 'E10000003', 'Cambridgeshire', 'East of England', 'County'),
  ('80491', '202', 'E09000007', 'Camden', 'London', 'London Borough'),
  ('80446', '823', 'E06000056', 'Central Bedfordshire', 'East of England', 'Unitary Authority'),
  ('80447', '895', 'E06000049', 'Cheshire East', 'North West', 'Unitary Authority'),
  ('80448', '896', 'E06000050', 'Cheshire West and Chester', 'North West', 'Unitary Authority'),
  ('80450', '201', 'E09000001', 'City of London', 'London', 'London Borough'),
  ('80454', '908', 'E06000052', 'Cornwall', 'South West', 'Unitary Authority'),
  ('80456', '331', 'E08000026', 'Coventry', 'West Midlands', 'Metropolitan District'),
  ('80492', '306', 'E09000008', 'Croydon', 'London', 'London Borough'),
  ('2733690', '942', 'E06000063', 'Cumberland', 'North West', 'County'),
  ('135513', '909', 'E10000006', 'Cumbria', 'North West', 'County'),
  ('80458', '841', 'E06000005', 'Darlington', 'North East', 'Unitary Authority'),
  ('80459', '831', 'E06000015', 'Derby', 'East Midlands', 'Unitary Authority'),
  ('80460', '830', 'E10000007', 'Derbyshire', 'East Midlands', 'County'),
  ('80461', '878', 'E10000008', 'Devon', 'South West', 'County'),
  ('80462', '371', 'E08000017', 'Doncaster', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('2532283', '838', 'E06000059', 'Dorset', 'South West', 'Unitary Authority'),
  ('80464', '332', 'E08000027', 'Dudley', 'West Midlands', 'Metropolitan District'),
  ('80465', '840', 'E06000047', 'Durham', 'North East', 'Unitary Authority'),
  ('80493', '307', 'E09000009', 'Ealing', 'London', 'London Borough'),
  ('80466', '811', 'E06000011', 'East Riding of Yorkshire', 'Yorkshire and the Humber', 'Unitary Authority'),
  ('80467', '845', 'E10000011', 'East Sussex', 'South East', 'County'),
  ('80494', '308', 'E09000010', 'Enfield', 'London', 'London Borough'),
  ('80468', '881', 'E10000012', 'Essex', 'East of England', 'County'),
  ('80469', '390', 'E08000037', 'Gateshead', 'North East', 'Metropolitan District'),
  ('80470', '916', 'E10000013', 'Gloucestershire', 'South West', 'County'),
  ('80495', '203', 'E09000011', 'Greenwich', 'London', 'London Borough'),
  ('80496', '204', 'E09000012', 'Hackney', 'London', 'London Borough'),
  ('80471', '876', 'E06000006', 'Halton', 'North West', 'Unitary Authority'),
  ('80497', '205', 'E09000013', 'Hammersmith and Fulham', 'London', 'London Borough'),
  ('80472', '850', 'E10000014', 'Hampshire', 'South East', 'County'),
  ('80498', '309', 'E09000014', 'Haringey', 'London', 'London Borough'),
  ('80499', '310', 'E09000015', 'Harrow', 'London', 'London Borough'),
  ('80473', '805', 'E06000001', 'Hartlepool', 'North East', 'Unitary Authority'),
  ('80500', '311', 'E09000016', 'Havering', 'London', 'London Borough'),
  ('80474', '884', 'E06000019', 'Herefordshire', 'West Midlands', 'Unitary Authority'),
  ('80475', '919', 'E10000015', 'Hertfordshire', 'East of England', 'County'),
  ('80501', '312', 'E09000017', 'Hillingdon', 'London', 'London Borough'),
  ('80503', '313', 'E09000018', 'Hounslow', 'London', 'London Borough'),
  ('80419', '921', 'E06000046', 'Isle of Wight', 'South East', 'Unitary Authority'),
  ('80455', '420', 'E06000053', 'Isles of Scilly', 'South West', 'Unitary Authority'),
  ('80505', '206', 'E09000019', 'Islington', 'London', 'London Borough'),
  ('80544', '207', 'E09000020', 'Kensington and Chelsea', 'London', 'London Borough'),
  ('80476', '886', 'E10000016', 'Kent', 'South East', 'County'),
  ('80477', '810', 'E06000010', 'Kingston Upon Hull, City of', 'Yorkshire and the Humber', 'Unitary Authority'),
  ('80545', '314', 'E09000021', 'Kingston upon Thames', 'London', 'London Borough'),
  ('80478', '382', 'E08000034', 'Kirklees', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80479', '340', 'E08000011', 'Knowsley', 'North West', 'Metropolitan District'),
  ('80506', '208', 'E09000022', 'Lambeth', 'London', 'London Borough'),
  ('80480', '888', 'E10000017', 'Lancashire', 'North West', 'County'),
  ('80481', '383', 'E08000035', 'Leeds', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80482', '856', 'E06000016', 'Leicester', 'East Midlands', 'Unitary Authority'),
  ('80483', '855', 'E10000018', 'Leicestershire', 'East Midlands', 'County'),
  ('80508', '209', 'E09000023', 'Lewisham', 'London', 'London Borough'),
  ('80484', '925', 'E10000019', 'Lincolnshire', 'East Midlands', 'County'),
  ('80485', '341', 'E08000012', 'Liverpool', 'North West', 'Metropolitan District'),
  ('80520', '821', 'E06000032', 'Luton', 'East of England', 'Unitary Authority'),
  ('80521', '352', 'E08000003', 'Manchester', 'North West', 'Metropolitan District'),
  ('80522', '887', 'E06000035', 'Medway', 'South East', 'Unitary Authority'),
  ('80510', '315', 'E09000024', 'Merton', 'London', 'London Borough'),
  ('80523', '806', 'E06000002', 'Middlesbrough', 'North East', 'Unitary Authority'),
  ('80524', '826', 'E06000042', 'Milton Keynes', 'South East', 'Unitary Authority'),
  ('80525', '391', 'E08000021', 'Newcastle upon Tyne', 'North East', 'Metropolitan District'),
  ('80511', '316', 'E09000025', 'Newham', 'London', 'London Borough'),
  ('80418', '926', 'E10000020', 'Norfolk', 'East of England', 'County'),
  ('80526', '812', 'E06000012', 'North East Lincolnshire', 'Yorkshire and the Humber', 'Unitary Authority'),
  ('80527', '813', 'E06000013', 'North Lincolnshire', 'Yorkshire and the Humber', 'Unitary Authority'),
  ('2637539', '940', 'E06000061', 'North Northamptonshire', 'East Midlands', 'Unitary Authority'),
  ('80528', '802', 'E06000024', 'North Somerset', 'South West', 'Unitary Authority'),
  ('80529', '392', 'E08000022', 'North Tyneside', 'North East', 'Metropolitan District'),
  ('80530', '815', 'E06000065', 'North Yorkshire', 'Yorkshire and the Humber', 'County'),
  ('121939', '928', 'E10000021', 'Northamptonshire', 'East Midlands', ''),
  ('80532', '929', 'E06000057', 'Northumberland', 'North East', 'Unitary Authority'),
  ('80533', '892', 'E06000018', 'Nottingham', 'East Midlands', 'Unitary Authority'),
  ('80534', '891', 'E10000024', 'Nottinghamshire', 'East Midlands', 'County'),
  ('80535', '353', 'E08000004', 'Oldham', 'North West', 'Metropolitan District'),
  ('80536', '931', 'E10000025', 'Oxfordshire', 'South East', 'County'),
  ('80537', '874', 'E06000031', 'Peterborough', 'East of England', 'Unitary Authority'),
  ('80538', '879', 'E06000026', 'Plymouth', 'South West', 'Unitary Authority'),
  ('137316', '836', 'E06000029', 'Poole', 'South West', ''),
  ('80539', '851', 'E06000044', 'Portsmouth', 'South East', 'Unitary Authority'),
  ('80540', '870', 'E06000038', 'Reading', 'South East', 'Unitary Authority'),
  ('80512', '317', 'E09000026', 'Redbridge', 'London', 'London Borough'),
  ('80541', '807', 'E06000003', 'Redcar and Cleveland', 'North East', 'Unitary Authority'),
  ('80513', '318', 'E09000027', 'Richmond upon Thames', 'London', 'London Borough'),
  ('80542', '354', 'E08000005', 'Rochdale', 'North West', 'Metropolitan District'),
  ('80543', '372', 'E08000018', 'Rotherham', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80547', '857', 'E06000017', 'Rutland', 'East Midlands', 'Unitary Authority'),
  ('80548', '355', 'E08000006', 'Salford', 'North West', 'Metropolitan District'),
  ('80549', '333', 'E08000028', 'Sandwell', 'West Midlands', 'Metropolitan District'),
  ('80550', '343', 'E08000014', 'Sefton', 'North West', 'Metropolitan District'),
  ('80551', '373', 'E08000039', 'Sheffield', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80552', '893', 'E06000051', 'Shropshire', 'West Midlands', 'Unitary Authority'),
  ('80553', '871', 'E06000039', 'Slough', 'South East', 'Unitary Authority'),
  ('80554', '334', 'E08000029', 'Solihull', 'West Midlands', 'Metropolitan District'),
  ('80555', '933', 'E06000066', 'Somerset', 'South West', 'Unitary Authority'),
  ('80556', '803', 'E06000025', 'South Gloucestershire', 'South West', 'Unitary Authority'),
  ('80557', '393', 'E08000023', 'South Tyneside', 'North East', 'Metropolitan District'),
  ('80558', '852', 'E06000045', 'Southampton', 'South East', 'Unitary Authority'),
  ('80559', '882', 'E06000033', 'Southend-on-Sea', 'East of England', 'Unitary Authority'),
  ('80514', '210', 'E09000028', 'Southwark', 'London', 'London Borough'),
  ('80560', '342', 'E08000013', 'St. Helens', 'North West', 'Metropolitan District'),
  ('80561', '860', 'E10000028', 'Staffordshire', 'West Midlands', 'County'),
  ('80562', '356', 'E08000007', 'Stockport', 'North West', 'Metropolitan District'),
  ('80563', '808', 'E06000004', 'Stockton-on-Tees', 'North East', 'Unitary Authority'),
  ('80564', '861', 'E06000021', 'Stoke-on-Trent', 'West Midlands', 'Unitary Authority'),
  ('80565', '935', 'E10000029', 'Suffolk', 'East of England', 'County'),
  ('80566', '394', 'E08000024', 'Sunderland', 'North East', 'Metropolitan District'),
  ('80567', '936', 'E10000030', 'Surrey', 'South East', 'County'),
  ('80515', '319', 'E09000029', 'Sutton', 'London', 'London Borough'),
  ('80568', '866', 'E06000030', 'Swindon', 'South West', 'Unitary Authority'),
  ('80569', '357', 'E08000008', 'Tameside', 'North West', 'Metropolitan District'),
  ('80570', '894', 'E06000020', 'Telford and Wrekin', 'West Midlands', 'Unitary Authority'),
  ('80571', '883', 'E06000034', 'Thurrock', 'East of England', 'Unitary Authority'),
  ('80572', '880', 'E06000027', 'Torbay', 'South West', 'Unitary Authority'),
  ('80516', '211', 'E09000030', 'Tower Hamlets', 'London', 'London Borough'),
  ('80573', '358', 'E08000009', 'Trafford', 'North West', 'Metropolitan District'),
  ('80451', '384', 'E08000036', 'Wakefield', 'Yorkshire and the Humber', 'Metropolitan District'),
  ('80574', '335', 'E08000030', 'Walsall', 'West Midlands', 'Metropolitan District'),
  ('80517', '320', 'E09000031', 'Waltham Forest', 'London', 'London Borough'),
  ('80518', '212', 'E09000032', 'Wandsworth', 'London', 'London Borough'),
  ('80575', '877', 'E06000007', 'Warrington', 'North West', 'Unitary Authority'),
  ('80576', '937', 'E10000031', 'Warwickshire', 'West Midlands', 'County'),
  ('80577', '869', 'E06000037', 'West Berkshire', 'South East', 'Unitary Authority'),
  ('2637548', '941', 'E06000062', 'West Northamptonshire', 'East Midlands', 'Unitary Authority'),
  ('80578', '938', 'E10000032', 'West Sussex', 'South East', 'County'),
  ('80519', '213', 'E09000033', 'Westminster', 'London', 'London Borough'),
  ('2733698', '943', 'E06000064', 'Westmorland and Furness', 'North West', 'County'),
  ('80579', '359', 'E08000010', 'Wigan', 'North West', 'Metropolitan District'),
  ('80580', '865', 'E06000054', 'Wiltshire', 'South West', 'Unitary Authority'),
  ('80546', '868', 'E06000040', 'Windsor and Maidenhead', 'South East', 'Unitary Authority'),
  ('80581', '344', 'E08000015', 'Wirral', 'North West', 'Metropolitan District'),
  ('80582', '872', 'E06000041', 'Wokingham', 'South East', 'Unitary Authority'),
  ('80583', '336', 'E08000031', 'Wolverhampton', 'West Midlands', 'Metropolitan District'),
  ('80584', '885', 'E10000034', 'Worcestershire', 'West Midlands', 'County'),
  ('80453', '816', 'E06000014', 'York', 'Yorkshire and the Humber', 'Unitary Authority');

CREATE INDEX findings_judgement ON findings(document_id, kind, previous, area);

-- inspection_grades has one row per Ofsted report or letter (documents
-- superseded by a newer version of the same file are left out):
--
--   inspection_id, document_id   inspections.id and documents.id
--   document                     the path as given to ingest
--   authority, urn               the authority the report is about, and its Ofsted URN
--   la_code, ons_code, region    from the reference list (authorities)
--   type                         ilacs_standard, ilacs_short, ilacs_2026, sif,
--                                focused_visit, monitoring_visit or jtai
--   framework                    ilacs, sif, focused_visit, monitoring_visit or jtai
--   start_date, end_date         the inspection's dates (ISO 8601)
--   published_date               as the report states it (SIF reports, letters); else NULL
--   lead_inspector               as the report names them, titles dropped
--   overall_effectiveness ... leadership_management_governance
--                                the current grade of each area (outstanding, good,
--                                requires_improvement, inadequate); NULL where the
--                                report grades no such area (an ILACS report before
--                                2023 grades children_in_care_and_care_leavers, not
--                                its halves; a SIF area "not judged"; the 2026 layout's
--                                overall effectiveness; every area of a visit letter)
--   judgements                   how many current judgements the report gives
--   grades_page                  the page where its grades are stated (the judgement table)
--   recommendations              how many recommendations (source ofsted) it makes
--
-- Grades that an earlier inspection gave (findings.previous = 1) are not
-- columns here: query findings for them.
CREATE VIEW inspection_grades AS
WITH j AS (
  SELECT document_id,
    MAX(CASE WHEN area = 'overall_effectiveness' THEN grade END) AS overall_effectiveness,
    MAX(CASE WHEN area = 'impact_of_leaders' THEN grade END) AS impact_of_leaders,
    MAX(CASE WHEN area = 'help_and_protection' THEN grade END) AS help_and_protection,
    MAX(CASE WHEN area = 'children_in_care' THEN grade END) AS children_in_care,
    MAX(CASE WHEN area = 'care_leavers' THEN grade END) AS care_leavers,
    MAX(CASE WHEN area = 'children_in_care_and_care_leavers' THEN grade END) AS children_in_care_and_care_leavers,
    MAX(CASE WHEN area = 'looked_after_and_permanence' THEN grade END) AS looked_after_and_permanence,
    MAX(CASE WHEN area = 'adoption' THEN grade END) AS adoption,
    MAX(CASE WHEN area = 'leadership_management_governance' THEN grade END) AS leadership_management_governance,
    COUNT(*) AS judgements,
    MIN(page) AS grades_page
  FROM findings
  WHERE kind = 'judgement' AND previous = 0
  GROUP BY document_id
), r AS (
  SELECT document_id, COUNT(*) AS recommendations
  FROM findings
  WHERE kind = 'recommendation' AND source = 'ofsted'
  GROUP BY document_id
)
SELECT
  i.id AS inspection_id,
  i.document_id,
  d.path AS document,
  COALESCE(a.name, i.authority) AS authority,
  i.authority_urn AS urn,
  a.la_code,
  a.ons_code,
  a.region,
  i.type,
  i.framework,
  i.start_date,
  i.end_date,
  i.published_date,
  i.lead_inspector,
  j.overall_effectiveness,
  j.impact_of_leaders,
  j.help_and_protection,
  j.children_in_care,
  j.care_leavers,
  j.children_in_care_and_care_leavers,
  j.looked_after_and_permanence,
  j.adoption,
  j.leadership_management_governance,
  COALESCE(j.judgements, 0) AS judgements,
  j.grades_page,
  COALESCE(r.recommendations, 0) AS recommendations
FROM inspections i
JOIN documents d ON d.id = i.document_id
LEFT JOIN authorities a ON a.urn = i.authority_urn
LEFT JOIN j ON j.document_id = i.document_id
LEFT JOIN r ON r.document_id = i.document_id
WHERE d.superseded_by IS NULL;
