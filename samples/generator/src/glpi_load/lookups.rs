//! The small tables of the load: users, groups, the entity tree,
//! categories, request sources, the SLM with its SLAs and the calendar
//! (the sample's definitions, with more entities and people).

use super::Tsv;

/// GLPI's own service-desk account.
pub const GLPI_USER: u32 = 2;
/// Technicians: ids `TECH0 .. TECH0 + TECHS`.
pub const TECH0: u32 = 3;
/// How many technicians.
pub const TECHS: u32 = 40;
/// Requesters: ids `REQ0 .. REQ0 + REQS`.
pub const REQ0: u32 = 100;
/// How many requesters.
pub const REQS: u32 = 2000;
/// Groups: ids `1 ..= GROUPS.len()`.
pub const GROUPS: [&str; 5] = [
    "Mesa de Ayuda",
    "Soporte en sitio",
    "Redes",
    "Aplicaciones",
    "Infraestructura",
];
/// Categories: ids `1 ..= CATEGORIES.len()` (the sample's).
pub const CATEGORIES: [&str; 7] = [
    "Hardware",
    "Software",
    "Red y conectividad",
    "Correo electrónico",
    "Accesos y contraseñas",
    "Impresoras",
    "ERP",
];
/// Entities: (id, parent, name). 0 is the root; 7 is a grandchild.
pub const ENTITIES: [(u32, Option<u32>, &str); 8] = [
    (0, None, "Entidad Raíz"),
    (1, Some(0), "Secretaría General"),
    (2, Some(0), "Secretaría de Hacienda"),
    (3, Some(0), "Secretaría de Salud"),
    (4, Some(0), "Secretaría de Educación"),
    (5, Some(0), "Secretaría de Movilidad"),
    (6, Some(0), "Oficina TIC"),
    (7, Some(3), "Hospital Municipal"),
];

const FIRST: [&str; 20] = [
    "Andrés",
    "Luis",
    "Carlos",
    "Felipe",
    "María",
    "Ana",
    "Laura",
    "Juan",
    "Diana",
    "Jorge",
    "Paula",
    "Camilo",
    "Sofía",
    "Julián",
    "Natalia",
    "Óscar",
    "Valentina",
    "Sergio",
    "Carolina",
    "Iván",
];
const LAST: [&str; 20] = [
    "Martínez",
    "Hernández",
    "Ramírez",
    "Moreno",
    "Gómez",
    "Rodríguez",
    "López",
    "García",
    "Pérez",
    "Sánchez",
    "Torres",
    "Díaz",
    "Vargas",
    "Castro",
    "Rojas",
    "Muñoz",
    "Ortiz",
    "Jiménez",
    "Suárez",
    "Peña",
];

/// (realname, firstname, login) of a user id.
pub fn person(id: u32) -> (&'static str, &'static str, String) {
    if id == GLPI_USER {
        return ("", "", "glpi".to_string());
    }
    let i = id as usize;
    let (last, first) = if id < REQ0 {
        (LAST[(i * 7) % 20], FIRST[i % 20])
    } else {
        (LAST[(i * 11 + 5) % 20], FIRST[(i * 3) % 20])
    };
    let login = format!(
        "{}{}{id}",
        first.chars().next().unwrap().to_lowercase(),
        last.to_lowercase()
    );
    (last, first, login)
}

/// How GLPI writes a user in glpi_logs: `Realname Firstname (id)`, or
/// `login (id)` without a real name.
pub fn log_name(id: u32) -> String {
    let (last, first, login) = person(id);
    if last.is_empty() {
        format!("{login} ({id})")
    } else {
        format!("{last} {first} ({id})")
    }
}

/// A user's login as glpi_logs writes it for the last updater.
pub fn log_login(id: u32) -> String {
    format!("{} ({id})", person(id).2)
}

fn users() -> Tsv {
    let mut t = Tsv::new(&[
        "id",
        "name",
        "realname",
        "firstname",
        "is_active",
        "entities_id",
    ]);
    let ids = std::iter::once(GLPI_USER)
        .chain(TECH0..TECH0 + TECHS)
        .chain(REQ0..REQ0 + REQS);
    for id in ids {
        let (last, first, login) = person(id);
        let (last, first) = if last.is_empty() {
            (None, None)
        } else {
            (Some(last), Some(first))
        };
        t.row(&[
            Some(&id.to_string()),
            Some(&login),
            last,
            first,
            Some("1"),
            Some("0"),
        ]);
    }
    t
}

fn entities() -> Tsv {
    let mut t = Tsv::new(&[
        "id",
        "name",
        "entities_id",
        "completename",
        "level",
        "calendars_strategy",
        "calendars_id",
        "inquest_config",
        "inquest_rate",
        "inquest_delay",
        "autoclose_delay",
    ]);
    for (id, parent, name) in ENTITIES {
        let complete = match parent {
            None => name.to_string(),
            Some(0) => format!("{} > {name}", ENTITIES[0].2),
            Some(p) => format!(
                "{} > {} > {name}",
                ENTITIES[0].2, ENTITIES[p as usize].2
            ),
        };
        let level = match parent {
            None => 1,
            Some(0) => 2,
            Some(_) => 3,
        };
        // The root has its own calendar, survey (80 %) and no auto-close;
        // the others inherit (-2, GLPI's "inherit from parent").
        let own = parent.is_none();
        let v = |root: &'static str, child: &'static str| {
            Some(if own { root } else { child })
        };
        t.row(&[
            Some(&id.to_string()),
            Some(name),
            parent.map(|p| p.to_string()).as_deref(),
            Some(&complete),
            Some(&level.to_string()),
            v("0", "-2"),
            v("2", "0"),
            v("1", "-2"),
            v("80", "0"),
            v("0", "-10"),
            v("-10", "-2"),
        ]);
    }
    t
}

fn categories() -> Tsv {
    let mut t = Tsv::new(&[
        "id",
        "name",
        "completename",
        "entities_id",
        "is_recursive",
    ]);
    for (i, c) in CATEGORIES.iter().enumerate() {
        t.row(&[
            Some(&(i + 1).to_string()),
            Some(c),
            Some(c),
            Some("0"),
            Some("1"),
        ]);
    }
    t
}

fn groups() -> Tsv {
    let mut t = Tsv::new(&[
        "id",
        "name",
        "completename",
        "entities_id",
        "is_recursive",
    ]);
    for (i, g) in GROUPS.iter().enumerate() {
        t.row(&[
            Some(&(i + 1).to_string()),
            Some(g),
            Some(g),
            Some("0"),
            Some("1"),
        ]);
    }
    t
}

fn requesttypes() -> Tsv {
    // GLPI's default request sources.
    let mut t =
        Tsv::new(&["id", "name", "is_helpdesk_default", "is_mail_default"]);
    for (id, name, helpdesk, mail) in [
        (1, "Helpdesk", "1", "0"),
        (2, "E-Mail", "0", "1"),
        (3, "Phone", "0", "0"),
        (4, "Direct", "0", "0"),
        (5, "Written", "0", "0"),
        (6, "Other", "0", "0"),
    ] {
        t.row(&[
            Some(&id.to_string()),
            Some(name),
            Some(helpdesk),
            Some(mail),
        ]);
    }
    t
}

fn slm() -> (Tsv, Tsv) {
    let mut m = Tsv::new(&[
        "id",
        "name",
        "entities_id",
        "is_recursive",
        "calendars_id",
    ]);
    m.row(&[
        Some("1"),
        Some("Soporte Mesa de Ayuda"),
        Some("0"),
        Some("1"),
        Some("2"),
    ]);
    let mut s = Tsv::new(&[
        "id",
        "name",
        "entities_id",
        "is_recursive",
        "type",
        "number_time",
        "calendars_id",
        "definition_time",
        "end_of_working_day",
        "slms_id",
    ]);
    for (id, name, ty, n, unit, eod) in [
        (1, "TTO 1 hora", 1, 1, "hour", 0),
        (2, "TTO 4 horas", 1, 4, "hour", 0),
        (3, "TTR 8 horas", 0, 8, "hour", 0),
        (4, "TTR 2 días", 0, 2, "day", 0),
        (5, "TTR 3 días (fin de jornada)", 0, 3, "day", 1),
    ] {
        s.row(&[
            Some(&id.to_string()),
            Some(name),
            Some("0"),
            Some("1"),
            Some(&ty.to_string()),
            Some(&n.to_string()),
            Some("2"),
            Some(unit),
            Some(&eod.to_string()),
            Some("1"),
        ]);
    }
    (m, s)
}

fn calendar() -> (Tsv, Tsv) {
    let mut c =
        Tsv::new(&["id", "name", "entities_id", "is_recursive", "comment"]);
    c.row(&[
        Some("1"),
        Some("Default"),
        Some("0"),
        Some("1"),
        Some("Default calendar"),
    ]);
    c.row(&[
        Some("2"),
        Some("Laboral"),
        Some("0"),
        Some("1"),
        Some("Lunes a viernes 07:00-12:00 y 13:00-17:00"),
    ]);
    let mut s = Tsv::new(&[
        "id",
        "calendars_id",
        "entities_id",
        "is_recursive",
        "day",
        "begin",
        "end",
    ]);
    let mut id = 0;
    let mut seg = |s: &mut Tsv, cal: &str, day: u32, b: &str, e: &str| {
        id += 1;
        s.row(&[
            Some(&id.to_string()),
            Some(cal),
            Some("0"),
            Some("1"),
            Some(&day.to_string()),
            Some(b),
            Some(e),
        ]);
    };
    for day in 1..=5 {
        seg(&mut s, "1", day, "08:00:00", "20:00:00");
    }
    for day in 1..=5 {
        seg(&mut s, "2", day, "07:00:00", "12:00:00");
        seg(&mut s, "2", day, "13:00:00", "17:00:00");
    }
    (c, s)
}

/// The lookup tables and their file names.
pub fn tables() -> Vec<(&'static str, Tsv)> {
    let (slms, slas) = slm();
    let (cals, segs) = calendar();
    vec![
        ("glpi_users.tsv", users()),
        ("glpi_groups.tsv", groups()),
        ("glpi_entities.tsv", entities()),
        ("glpi_itilcategories.tsv", categories()),
        ("glpi_requesttypes.tsv", requesttypes()),
        ("glpi_slms.tsv", slms),
        ("glpi_slas.tsv", slas),
        ("glpi_calendars.tsv", cals),
        ("glpi_calendarsegments.tsv", segs),
    ]
}
