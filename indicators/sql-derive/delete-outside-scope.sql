-- Leave out the rows that the indicators' SQL returned for areas known to lie outside the scope (county scope:
-- Sweden, the county and areas within it); the run report counts them. Rows of areas unknown to stg_areas are kept,
-- so the checks can report them. Deleting after the INSERT lets the indicators' SQL run once, straight into the mart.
-- Params: $scope ('county' | 'sweden'), $county_code (Kolada id of the county, '0006').
DELETE FROM mart_indicator_values
WHERE indicator_id IN (SELECT indicator_id FROM tmp_indicator_meta)
  AND area_code IN (
    SELECT area_code
    FROM stg_areas
    WHERE $scope = 'county'
      AND level <> 'country'
      AND coalesce(county_code, '') <> $county_code
  )
