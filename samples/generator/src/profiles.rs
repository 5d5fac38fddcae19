//! The five entities' desks: their types, priorities, categories (each
//! with the titles its users write), levels, technicians, channels, and
//! the fields and notes their tool really records.

/// What one entity's desk looks like.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Profile name (`itagui`, ...).
    pub name: &'static str,
    /// Ticket id prefix (empty for GLPI's numeric ids).
    pub prefix: &'static str,
    /// Types with weights.
    pub types: &'static [(&'static str, u32)],
    /// Priorities with weights.
    pub priorities: &'static [(&'static str, u32)],
    /// Categories with weights and the titles users write under each.
    pub categories: &'static [(&'static str, u32, &'static [&'static str])],
    /// Resolver groups, first level first: every ticket starts in the
    /// first and may be escalated to the next ones.
    pub groups: &'static [&'static str],
    /// The status label an escalation into each group sets (same index
    /// as `groups`; empty: the policy's first open label).
    pub escalated: &'static [&'static str],
    /// Technicians.
    pub assignees: &'static [&'static str],
    /// Channels with weights.
    pub channels: &'static [(&'static str, u32)],
    /// Probability that a ticket is paused once.
    pub pause_rate: f64,
    /// The reasons written as the note of a pause.
    pub pause_notes: &'static [&'static str],
    /// Probability that a pause has no note.
    pub pause_without_note: f64,
    /// Probability that a survey is answered (within the survey scope).
    pub survey_rate: f64,
    /// The survey scope as a category prefix, and the probability of an
    /// answer from a ticket outside it (a form anyone can fill).
    pub survey_scope: Option<(&'static str, f64)>,
    /// Whether `surveys.csv` lists every survey sent (`sent_at`), answered
    /// or not, and the tickets answered again after a reopen.
    pub survey_sent: bool,
    /// Score columns, one per question, beside the overall `score`.
    pub questions: &'static [&'static str],
    /// Probability of a cancellation.
    pub cancel_rate: f64,
    /// Cancellations are closes with GLPI solution type "Desistida" (the
    /// extra tickets column `tipo_solucion`), not a status.
    pub desist_by_solution_type: bool,
    /// Probability of a massive incident (many affected users).
    pub massive_rate: f64,
    /// The notes of the automatic close, of the close after the user's
    /// approval (survey or validation) and of a close by hand.
    pub close_notes: CloseNotes,
    /// Probability that a close without an answer is the user's
    /// validation (USPEC) rather than the automatic close.
    pub validation_rate: f64,
    /// The label and probability of a final answer without a solution
    /// (ICETEX "Sin Solución"), and its note.
    pub unresolved: Option<(&'static str, f64, &'static str)>,
    /// Probability that a pause is a referral that never comes back, and
    /// its note (ICETEX: the Plan Anual de Adquisiciones).
    pub leaves_process: Option<(f64, &'static str)>,
    /// Precasos: the channel they come from, the share of its tickets that
    /// start as one, and the share of those discarded.
    pub precaso: Option<(&'static str, f64, f64)>,
    /// Whether tickets carry GLPI's `taken_at` (takeintoaccountdate).
    pub taken_at: bool,
    /// The tool's ANS per category, in the extra column `ans_solucion`
    /// (incidents only; requests keep the policy's rule).
    pub ans: &'static [(&'static str, &'static str)],
    /// The channel whose requests carry `fecha_recepcion`, when the
    /// request reached the desk before it was registered.
    pub reception: Option<&'static str>,
}

/// The notes the closing event carries.
#[derive(Clone, Debug)]
pub struct CloseNotes {
    /// The automatic close.
    pub auto: &'static str,
    /// The close after the user's approval.
    pub user: &'static str,
}

const NO_NOTES: CloseNotes = CloseNotes { auto: "", user: "" };

pub(crate) const PROFILES: &[Profile] = &[
    Profile {
        name: "itagui",
        prefix: "",
        types: &[("Incidente", 70), ("Requerimiento", 30)],
        priorities: &[
            ("Muy urgente", 6),
            ("Alta", 24),
            ("Mediana", 45),
            ("Baja", 25),
        ],
        categories: &[
            ("Hardware > Equipos de cómputo", 25, EQUIPOS),
            ("Hardware > Impresoras", 15, IMPRESORAS),
            ("Software > Ofimática", 20, OFIMATICA),
            ("Software > Sistemas misionales", 15, MISIONALES),
            ("Redes > Conectividad", 12, RED),
            ("Cuentas y accesos", 13, CUENTAS),
        ],
        groups: &[
            "Mesa de Servicios N1",
            "Soporte en sitio N2",
            "Infraestructura N3",
        ],
        escalated: &["", "", ""],
        assignees: &[
            "Carolina Restrepo",
            "Juan Esteban Gómez",
            "Luisa Fernanda Ochoa",
            "Mateo Arango",
            "Sebastián Mejía",
        ],
        channels: &[
            ("Helpdesk", 50),
            ("E-Mail", 30),
            ("Teléfono", 15),
            ("Directo", 5),
        ],
        pause_rate: 0.25,
        pause_notes: &[
            "En espera de respuesta del solicitante",
            "En espera de repuesto",
            "Pendiente de visita programada",
        ],
        pause_without_note: 0.0,
        survey_rate: 0.45,
        survey_scope: None,
        survey_sent: false,
        questions: &[],
        cancel_rate: 0.02,
        desist_by_solution_type: true,
        massive_rate: 0.0,
        close_notes: NO_NOTES,
        validation_rate: 0.0,
        unresolved: None,
        leaves_process: None,
        precaso: None,
        taken_at: true,
        ans: &[],
        reception: None,
    },
    Profile {
        name: "uspec",
        prefix: "",
        types: &[("Incidencia", 60), ("Requerimiento", 40)],
        priorities: &[("Alta", 20), ("Mediana", 60), ("Baja", 20)],
        categories: &[
            ("Plataformas > Correo", 20, CORREO),
            ("Plataformas > Ofimática", 20, OFIMATICA),
            ("Impresión", 25, IMPRESORAS),
            ("Equipos", 20, EQUIPOS),
            ("Red e Internet", 15, RED),
        ],
        groups: &[
            "Mesa de Ayuda",
            "Oficina de Tecnología",
            "Proveedor externo",
        ],
        escalated: &["", "", ""],
        assignees: &[
            "Andrés Pardo",
            "Diana Rojas",
            "Felipe Cárdenas",
            "Natalia Suárez",
        ],
        channels: &[
            ("Correo electrónico", 60),
            ("Extensión", 30),
            ("Solicitud de impresión", 10),
        ],
        pause_rate: 0.2,
        pause_notes: &[
            "Escalado a soporte externo",
            "En espera de respuesta del proveedor",
        ],
        pause_without_note: 0.0,
        survey_rate: 0.35,
        survey_scope: Some(("Plataformas", 0.08)),
        survey_sent: false,
        questions: &[],
        cancel_rate: 0.0,
        desist_by_solution_type: false,
        massive_rate: 0.0,
        close_notes: CloseNotes {
            auto: "Cierre automático por falta de validación",
            user: "Validado por el usuario",
        },
        validation_rate: 0.5,
        unresolved: None,
        leaves_process: None,
        precaso: None,
        taken_at: true,
        ans: &[],
        reception: None,
    },
    Profile {
        name: "victimas",
        prefix: "UV-",
        types: &[("Incidente", 65), ("Requerimiento", 35)],
        priorities: &[("Alta", 20), ("Media", 55), ("Baja", 25)],
        categories: &[
            ("Aplicativos misionales", 30, MISIONALES),
            ("Ofimática", 20, OFIMATICA),
            ("Conectividad", 20, RED),
            ("Equipos", 20, EQUIPOS),
            ("Telefonía", 10, TELEFONIA),
        ],
        groups: &[
            "Nivel 1 Mesa",
            "Nivel 2 Especialistas",
            "Nivel 3 Proveedores",
        ],
        escalated: &["", "Escalado Especialista", "Activo proveedor"],
        assignees: &[
            "María Camila Torres",
            "Óscar Beltrán",
            "Paola Andrea Ruiz",
            "Jorge Iván Salazar",
            "Viviana Castro",
        ],
        channels: &[
            ("Portal", 45),
            ("Correo electrónico", 35),
            ("Teléfono", 20),
        ],
        pause_rate: 0.3,
        pause_notes: &[
            "Usuario no disponible para la atención",
            "En espera de información del usuario",
            "En espera de autorización del jefe de área",
            "Pendiente de repuesto del proveedor",
        ],
        pause_without_note: 0.05,
        survey_rate: 0.4,
        survey_scope: None,
        survey_sent: true,
        questions: &["q_oportunidad", "q_solucion", "q_amabilidad"],
        cancel_rate: 0.03,
        desist_by_solution_type: false,
        massive_rate: 0.01,
        close_notes: CloseNotes {
            auto: "Cierre automático: 3 días hábiles sin respuesta a la encuesta",
            user: "Cierre autorizado por el usuario en la encuesta",
        },
        validation_rate: 0.0,
        unresolved: None,
        leaves_process: None,
        precaso: Some(("Correo electrónico", 0.45, 0.1)),
        taken_at: false,
        ans: &[
            ("Aplicativos misionales", "2bd"),
            ("Ofimática", "8h"),
            ("Conectividad", "6h"),
            ("Equipos", "2bd"),
            ("Telefonía", "1bd"),
        ],
        reception: None,
    },
    Profile {
        name: "icetex",
        prefix: "IM-",
        types: &[("Incidente", 55), ("Requerimiento", 45)],
        priorities: &[
            ("Crítica", 5),
            ("Alta", 20),
            ("Media", 50),
            ("Baja", 25),
        ],
        categories: &[
            ("Aplicaciones > Core crédito", 20, MISIONALES),
            ("Aplicaciones > Portal web", 15, PORTAL),
            ("Infraestructura > Backups", 10, BACKUPS),
            ("Software > Instalación", 20, INSTALACION),
            ("Licenciamiento", 10, LICENCIAS),
            ("Equipos y periféricos", 25, EQUIPOS),
        ],
        groups: &["Nivel 1", "Nivel 2", "Coordinación"],
        escalated: &["", "Escalado nivel 2", "Escalado"],
        assignees: &[
            "Alejandro Vélez",
            "Camila Duarte",
            "Ricardo Peña",
            "Sandra Milena López",
        ],
        channels: &[
            ("Portal usdkv8", 50),
            ("Línea 7777", 30),
            ("Correo electrónico", 20),
        ],
        pause_rate: 0.3,
        pause_notes: &[
            "Escalado a coordinador",
            "En espera de aprobación de la oficina de riesgos",
            "En espera de información del usuario",
        ],
        pause_without_note: 0.0,
        survey_rate: 0.5,
        survey_scope: None,
        survey_sent: false,
        questions: &[],
        cancel_rate: 0.02,
        desist_by_solution_type: false,
        massive_rate: 0.0,
        close_notes: CloseNotes {
            auto: "Por tiempo excedido de los 3 días hábiles sin respuesta a la encuesta",
            user: "Se ha validado con el usuario",
        },
        validation_rate: 0.0,
        unresolved: Some((
            "Sin Solución",
            0.03,
            "No es posible brindar solución: requiere un desarrollo fuera del alcance de la mesa",
        )),
        leaves_process: Some((
            0.02,
            "Remitido al Plan Anual de Adquisiciones (A4-1-01)",
        )),
        precaso: None,
        taken_at: false,
        ans: &[],
        reception: None,
    },
    Profile {
        name: "upme",
        prefix: "UPME-",
        types: &[
            ("Incidente", 45),
            ("Requerimiento de servicio", 35),
            ("Solicitudes de seguridad informática", 8),
            ("Solicitudes que requieren verificación/autorización", 7),
            ("Solicitudes diferentes a TI", 5),
        ],
        priorities: &[("Alta", 25), ("Media", 50), ("Baja", 25)],
        categories: &[
            ("Alistamiento de equipos de cómputo", 15, ALISTAMIENTO),
            ("Sistemas de información", 30, MISIONALES),
            ("Correo y colaboración", 20, CORREO),
            ("Red", 15, RED),
            ("Seguridad", 20, SEGURIDAD),
        ],
        groups: &[
            "Mesa de ayuda",
            "Infraestructura",
            "Sistemas de información",
        ],
        escalated: &["", "Escalado", "Escalado"],
        assignees: &["Daniel Rincón", "Laura Moreno", "Santiago Herrera"],
        channels: &[
            ("Herramienta de mesa de servicios", 55),
            ("Correo electrónico", 35),
            ("Extensión 500", 10),
        ],
        pause_rate: 0.25,
        pause_notes: &[
            "Depende de un tercero",
            "En espera de autorización del jefe de dependencia",
        ],
        pause_without_note: 0.0,
        survey_rate: 0.4,
        survey_scope: None,
        survey_sent: false,
        questions: &[],
        cancel_rate: 0.04,
        desist_by_solution_type: false,
        massive_rate: 0.0,
        close_notes: NO_NOTES,
        validation_rate: 0.0,
        unresolved: None,
        leaves_process: None,
        precaso: None,
        taken_at: false,
        ans: &[],
        reception: Some("Correo electrónico"),
    },
];

const EQUIPOS: &[&str] = &[
    "No enciende el equipo",
    "Lentitud en el equipo",
    "Pantalla azul al iniciar",
    "Cambio de teclado o mouse",
    "El equipo se reinicia solo",
];
const IMPRESORAS: &[&str] = &[
    "Impresora atascada",
    "No imprime desde el equipo",
    "Cambio de tóner",
    "Instalar impresora de red",
];
const OFIMATICA: &[&str] = &[
    "Excel se cierra al abrir un archivo",
    "Solicitud de instalación de Office",
    "No se puede guardar el documento en Word",
    "Activación de licencia de Office",
];
const MISIONALES: &[&str] = &[
    "Error al ingresar al aplicativo",
    "El aplicativo no carga el formulario",
    "Solicitud de permisos en el aplicativo",
    "Error al generar el reporte del sistema",
];
const RED: &[&str] = &[
    "No hay conexión a internet",
    "Falla en la VPN",
    "Punto de red sin servicio",
    "Lentitud en la red",
];
const CUENTAS: &[&str] = &[
    "Restablecer contraseña",
    "Creación de cuenta de usuario",
    "Usuario bloqueado en el dominio",
    "Retiro de accesos por traslado",
];
const CORREO: &[&str] = &[
    "Configurar correo en el celular",
    "No llegan los correos",
    "Buzón de correo lleno",
    "Creación de lista de distribución",
];
const TELEFONIA: &[&str] = &[
    "Teléfono IP sin tono",
    "Configurar extensión telefónica",
    "No entran llamadas a la extensión",
    "Cambio de extensión por traslado",
];
const PORTAL: &[&str] = &[
    "El portal web no carga",
    "Error al actualizar contenido del portal",
    "Formulario del portal no envía",
];
const BACKUPS: &[&str] = &[
    "Solicitud de copia de respaldo",
    "Restauración de archivos borrados",
    "Falla en la tarea de backup nocturna",
];
const INSTALACION: &[&str] = &[
    "Solicitud instalación aplicativo",
    "Instalación de software especializado",
    "Actualización de versión de software",
];
const LICENCIAS: &[&str] = &[
    "Activación de licencias",
    "Licencia vencida del software",
    "Solicitud de nueva licencia",
];
const ALISTAMIENTO: &[&str] = &[
    "Alistamiento de equipo para funcionario nuevo",
    "Formateo y alistamiento de portátil",
    "Alistamiento de equipo para contratista",
];
const SEGURIDAD: &[&str] = &[
    "Correo sospechoso de phishing",
    "Solicitud de desbloqueo de puerto USB",
    "Alerta del antivirus",
    "Solicitud de acceso a sitio web bloqueado",
];

impl Profile {
    /// The built-in profile named `name`.
    pub fn find(name: &str) -> Option<&'static Profile> {
        PROFILES
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Every built-in profile's name.
    pub fn names() -> Vec<&'static str> {
        PROFILES.iter().map(|p| p.name).collect()
    }

    /// The titles users write under `category`.
    pub(crate) fn titles(&self, category: &str) -> &'static [&'static str] {
        self.categories
            .iter()
            .find(|c| c.0 == category)
            .map_or(EQUIPOS, |c| c.2)
    }

    /// The tool's ANS for a ticket of this type and category (incidents
    /// only), or "".
    pub(crate) fn ans_for(&self, ty: &str, category: &str) -> &'static str {
        if !plazo::text::fold(ty).starts_with("incid") {
            return "";
        }
        self.ans
            .iter()
            .find(|a| a.0 == category)
            .map_or("", |a| a.1)
    }

    /// The extra tickets columns this profile writes.
    pub(crate) fn extra_columns(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.taken_at {
            v.push("taken_at");
        }
        if self.desist_by_solution_type {
            v.push("tipo_solucion");
        }
        if !self.ans.is_empty() {
            v.push("ans_solucion");
        }
        if self.reception.is_some() {
            v.push("fecha_recepcion");
        }
        v
    }
}
