-- Every server instance keeps the shop's settings and menus in memory (they
-- are on every page); any change to them is announced on `site_changed`, and
-- each instance then reads them again.
CREATE FUNCTION notify_site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('site_changed', '');
    RETURN NULL;
END $$;

CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
CREATE TRIGGER menu_links_changed AFTER INSERT OR UPDATE OR DELETE ON menu_links
    FOR EACH STATEMENT EXECUTE FUNCTION notify_site_changed();
