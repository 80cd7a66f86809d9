# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CaseDetail(object):
    def setupUi(self, caseDetail):
        if not caseDetail.objectName():
            caseDetail.setObjectName(u"caseDetail")
        caseDetail.resize(1180, 720)
        self.mainLayout = QVBoxLayout(caseDetail)
        self.mainLayout.setObjectName(u"mainLayout")
        self.caseTitle = QLabel(caseDetail)
        self.caseTitle.setObjectName(u"caseTitle")
        self.caseTitle.setStyleSheet(u"font-size: 15pt; font-weight: bold;")
        self.caseTitle.setText(u"")

        self.mainLayout.addWidget(self.caseTitle)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.factsBox = QGroupBox(caseDetail)
        self.factsBox.setObjectName(u"factsBox")
        self.factsForm = QFormLayout(self.factsBox)
        self.factsForm.setObjectName(u"factsForm")
        self.applicantCaption = QLabel(self.factsBox)
        self.applicantCaption.setObjectName(u"applicantCaption")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.applicantCaption)

        self.factApplicant = QLabel(self.factsBox)
        self.factApplicant.setObjectName(u"factApplicant")
        self.factApplicant.setText(u"")
        self.factApplicant.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.factApplicant)

        self.idCaption = QLabel(self.factsBox)
        self.idCaption.setObjectName(u"idCaption")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idCaption)

        self.idLayout = QHBoxLayout()
        self.idLayout.setObjectName(u"idLayout")
        self.factId = QLabel(self.factsBox)
        self.factId.setObjectName(u"factId")
        self.factId.setText(u"")
        self.factId.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.idLayout.addWidget(self.factId)

        self.idSpacing = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.idLayout.addItem(self.idSpacing)

        self.showIdButton = QPushButton(self.factsBox)
        self.showIdButton.setObjectName(u"showIdButton")

        self.idLayout.addWidget(self.showIdButton)

        self.idStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.idLayout.addItem(self.idStretch)

        self.idLayout.setStretch(3, 1)

        self.factsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.idLayout)

        self.phoneCaption = QLabel(self.factsBox)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.factPhone = QLabel(self.factsBox)
        self.factPhone.setObjectName(u"factPhone")
        self.factPhone.setText(u"")
        self.factPhone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.factPhone)

        self.itemCaption = QLabel(self.factsBox)
        self.itemCaption.setObjectName(u"itemCaption")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.itemCaption)

        self.factItem = QLabel(self.factsBox)
        self.factItem.setObjectName(u"factItem")
        self.factItem.setText(u"")
        self.factItem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.factItem)

        self.queryCaption = QLabel(self.factsBox)
        self.queryCaption.setObjectName(u"queryCaption")

        self.factsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.queryCaption)

        self.factQuery = QLabel(self.factsBox)
        self.factQuery.setObjectName(u"factQuery")
        self.factQuery.setText(u"")
        self.factQuery.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.factQuery)

        self.receivedCaption = QLabel(self.factsBox)
        self.receivedCaption.setObjectName(u"receivedCaption")

        self.factsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.receivedCaption)

        self.factReceived = QLabel(self.factsBox)
        self.factReceived.setObjectName(u"factReceived")
        self.factReceived.setText(u"")
        self.factReceived.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.factReceived)

        self.dueCaption = QLabel(self.factsBox)
        self.dueCaption.setObjectName(u"dueCaption")

        self.factsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dueCaption)

        self.factDue = QLabel(self.factsBox)
        self.factDue.setObjectName(u"factDue")
        self.factDue.setText(u"")
        self.factDue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.factDue)

        self.syncCaption = QLabel(self.factsBox)
        self.syncCaption.setObjectName(u"syncCaption")

        self.factsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.syncCaption)

        self.factSync = QLabel(self.factsBox)
        self.factSync.setObjectName(u"factSync")
        self.factSync.setText(u"")
        self.factSync.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.factSync)


        self.leftLayout.addWidget(self.factsBox)

        self.eventsBox = QGroupBox(caseDetail)
        self.eventsBox.setObjectName(u"eventsBox")
        self.eventsLayout = QVBoxLayout(self.eventsBox)
        self.eventsLayout.setObjectName(u"eventsLayout")
        self.eventsTable = QTableWidget(self.eventsBox)
        if (self.eventsTable.columnCount() < 4):
            self.eventsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.eventsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.eventsTable.setObjectName(u"eventsTable")
        self.eventsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eventsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.eventsTable.setColumnCount(4)
        self.eventsTable.horizontalHeader().setStretchLastSection(True)
        self.eventsTable.verticalHeader().setVisible(False)

        self.eventsLayout.addWidget(self.eventsTable)


        self.leftLayout.addWidget(self.eventsBox)

        self.documentsBox = QGroupBox(caseDetail)
        self.documentsBox.setObjectName(u"documentsBox")
        self.documentsLayout = QVBoxLayout(self.documentsBox)
        self.documentsLayout.setObjectName(u"documentsLayout")

        self.leftLayout.addWidget(self.documentsBox)

        self.leftLayout.setStretch(1, 3)
        self.leftLayout.setStretch(2, 2)

        self.columnsLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.actionsGroup = QGroupBox(caseDetail)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsLayout = QVBoxLayout(self.actionsGroup)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionForm = QFormLayout()
        self.actionForm.setObjectName(u"actionForm")
        self.actionLabel = QLabel(self.actionsGroup)
        self.actionLabel.setObjectName(u"actionLabel")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionBox = QComboBox(self.actionsGroup)
        self.actionBox.setObjectName(u"actionBox")

        self.actionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.actionBox)

        self.extraStack = QStackedWidget(self.actionsGroup)
        self.extraStack.setObjectName(u"extraStack")
        self.nothingPage = QWidget()
        self.nothingPage.setObjectName(u"nothingPage")
        self.extraStack.addWidget(self.nothingPage)
        self.suspendPage = QWidget()
        self.suspendPage.setObjectName(u"suspendPage")
        self.suspendForm = QFormLayout(self.suspendPage)
        self.suspendForm.setObjectName(u"suspendForm")
        self.suspendForm.setContentsMargins(0, 0, 0, 0)
        self.suspendLabel = QLabel(self.suspendPage)
        self.suspendLabel.setObjectName(u"suspendLabel")

        self.suspendForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.suspendLabel)

        self.suspendKindBox = QComboBox(self.suspendPage)
        self.suspendKindBox.setObjectName(u"suspendKindBox")

        self.suspendForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.suspendKindBox)

        self.extraStack.addWidget(self.suspendPage)
        self.missingPage = QWidget()
        self.missingPage.setObjectName(u"missingPage")
        self.missingForm = QFormLayout(self.missingPage)
        self.missingForm.setObjectName(u"missingForm")
        self.missingForm.setContentsMargins(0, 0, 0, 0)
        self.missingLabel = QLabel(self.missingPage)
        self.missingLabel.setObjectName(u"missingLabel")

        self.missingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.missingLabel)

        self.missingEdit = QPlainTextEdit(self.missingPage)
        self.missingEdit.setObjectName(u"missingEdit")
        self.missingEdit.setMaximumSize(QSize(16777215, 90))
        self.missingEdit.setTabChangesFocus(True)

        self.missingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.missingEdit)

        self.extraStack.addWidget(self.missingPage)
        self.correctPage = QWidget()
        self.correctPage.setObjectName(u"correctPage")
        self.correctForm = QFormLayout(self.correctPage)
        self.correctForm.setObjectName(u"correctForm")
        self.correctForm.setContentsMargins(0, 0, 0, 0)
        self.fieldLabel = QLabel(self.correctPage)
        self.fieldLabel.setObjectName(u"fieldLabel")

        self.correctForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fieldLabel)

        self.fieldBox = QComboBox(self.correctPage)
        self.fieldBox.setObjectName(u"fieldBox")

        self.correctForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fieldBox)

        self.newValueLabel = QLabel(self.correctPage)
        self.newValueLabel.setObjectName(u"newValueLabel")

        self.correctForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newValueLabel)

        self.newValueEdit = QLineEdit(self.correctPage)
        self.newValueEdit.setObjectName(u"newValueEdit")

        self.correctForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newValueEdit)

        self.extraStack.addWidget(self.correctPage)

        self.actionForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.extraStack)

        self.opinionLabel = QLabel(self.actionsGroup)
        self.opinionLabel.setObjectName(u"opinionLabel")

        self.actionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.opinionLabel)

        self.opinionEdit = QPlainTextEdit(self.actionsGroup)
        self.opinionEdit.setObjectName(u"opinionEdit")
        self.opinionEdit.setMaximumSize(QSize(16777215, 100))
        self.opinionEdit.setTabChangesFocus(True)

        self.actionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.opinionEdit)


        self.actionsLayout.addLayout(self.actionForm)

        self.recordLayout = QHBoxLayout()
        self.recordLayout.setObjectName(u"recordLayout")
        self.recordButton = QPushButton(self.actionsGroup)
        self.recordButton.setObjectName(u"recordButton")
        self.recordButton.setAutoDefault(False)

        self.recordLayout.addWidget(self.recordButton)

        self.recordStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recordLayout.addItem(self.recordStretch)

        self.recordLayout.setStretch(1, 1)

        self.actionsLayout.addLayout(self.recordLayout)

        self.actionsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actionsLayout.addItem(self.actionsStretch)

        self.actionsLayout.setStretch(2, 1)

        self.rightLayout.addWidget(self.actionsGroup)

        self.rightLayout.setStretch(0, 1)

        self.columnsLayout.addLayout(self.rightLayout)

        self.columnsLayout.setStretch(0, 3)
        self.columnsLayout.setStretch(1, 2)

        self.mainLayout.addLayout(self.columnsLayout)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.actionMessage = QLabel(caseDetail)
        self.actionMessage.setObjectName(u"actionMessage")
        self.actionMessage.setText(u"")
        self.actionMessage.setWordWrap(True)

        self.bottomLayout.addWidget(self.actionMessage)

        self.printNoticeButton = QPushButton(caseDetail)
        self.printNoticeButton.setObjectName(u"printNoticeButton")
        self.printNoticeButton.setEnabled(False)

        self.bottomLayout.addWidget(self.printNoticeButton)

        self.closeButton = QPushButton(caseDetail)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.bottomLayout.addWidget(self.closeButton)

        self.bottomLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.bottomLayout)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.actionLabel.setBuddy(self.actionBox)
        self.suspendLabel.setBuddy(self.suspendKindBox)
        self.missingLabel.setBuddy(self.missingEdit)
        self.fieldLabel.setBuddy(self.fieldBox)
        self.newValueLabel.setBuddy(self.newValueEdit)
        self.opinionLabel.setBuddy(self.opinionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.showIdButton, self.eventsTable)
        QWidget.setTabOrder(self.eventsTable, self.actionBox)
        QWidget.setTabOrder(self.actionBox, self.suspendKindBox)
        QWidget.setTabOrder(self.suspendKindBox, self.missingEdit)
        QWidget.setTabOrder(self.missingEdit, self.fieldBox)
        QWidget.setTabOrder(self.fieldBox, self.newValueEdit)
        QWidget.setTabOrder(self.newValueEdit, self.opinionEdit)
        QWidget.setTabOrder(self.opinionEdit, self.recordButton)
        QWidget.setTabOrder(self.recordButton, self.printNoticeButton)
        QWidget.setTabOrder(self.printNoticeButton, self.closeButton)

        self.retranslateUi(caseDetail)

        self.recordButton.setDefault(False)


        QMetaObject.connectSlotsByName(caseDetail)
    # setupUi

    def retranslateUi(self, caseDetail):
        self.factsBox.setTitle(QCoreApplication.translate("CaseDetail", u"Case", None))
        self.applicantCaption.setText(QCoreApplication.translate("CaseDetail", u"Applicant:", None))
        self.idCaption.setText(QCoreApplication.translate("CaseDetail", u"ID number:", None))
#if QT_CONFIG(tooltip)
        self.showIdButton.setToolTip(QCoreApplication.translate("CaseDetail", u"Show the whole ID number; this is recorded in the audit log (Alt+I)", None))
#endif // QT_CONFIG(tooltip)
        self.showIdButton.setText(QCoreApplication.translate("CaseDetail", u"Show full &ID", None))
        self.phoneCaption.setText(QCoreApplication.translate("CaseDetail", u"Phone:", None))
        self.itemCaption.setText(QCoreApplication.translate("CaseDetail", u"Item:", None))
        self.queryCaption.setText(QCoreApplication.translate("CaseDetail", u"Query code:", None))
        self.receivedCaption.setText(QCoreApplication.translate("CaseDetail", u"Received:", None))
        self.dueCaption.setText(QCoreApplication.translate("CaseDetail", u"Due date:", None))
        self.syncCaption.setText(QCoreApplication.translate("CaseDetail", u"Center:", None))
        self.eventsBox.setTitle(QCoreApplication.translate("CaseDetail", u"Events so far", None))
        ___qtablewidgetitem = self.eventsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CaseDetail", u"When", None))
        ___qtablewidgetitem1 = self.eventsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CaseDetail", u"Event", None))
        ___qtablewidgetitem2 = self.eventsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CaseDetail", u"Clerk", None))
        ___qtablewidgetitem3 = self.eventsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CaseDetail", u"Opinion", None))
        self.documentsBox.setTitle(QCoreApplication.translate("CaseDetail", u"Documents", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("CaseDetail", u"Action", None))
        self.actionLabel.setText(QCoreApplication.translate("CaseDetail", u"&Action:", None))
        self.suspendLabel.setText(QCoreApplication.translate("CaseDetail", u"Proc&edure:", None))
        self.missingLabel.setText(QCoreApplication.translate("CaseDetail", u"&Missing:", None))
        self.missingEdit.setPlaceholderText(QCoreApplication.translate("CaseDetail", u"One material a line; what it must be after a colon", None))
        self.fieldLabel.setText(QCoreApplication.translate("CaseDetail", u"&Field:", None))
        self.newValueLabel.setText(QCoreApplication.translate("CaseDetail", u"&New value:", None))
        self.opinionLabel.setText(QCoreApplication.translate("CaseDetail", u"O&pinion:", None))
        self.opinionEdit.setPlaceholderText(QCoreApplication.translate("CaseDetail", u"The opinion; required when the action needs a reason", None))
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("CaseDetail", u"Record the action (Ctrl+Return)", None))
#endif // QT_CONFIG(tooltip)
        self.recordButton.setText(QCoreApplication.translate("CaseDetail", u"Record  (Ctrl+Return)", None))
#if QT_CONFIG(tooltip)
        self.printNoticeButton.setToolTip(QCoreApplication.translate("CaseDetail", u"Open the print preview of the notice (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.printNoticeButton.setText(QCoreApplication.translate("CaseDetail", u"Print notice\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("CaseDetail", u"Close", None))
        pass
    # retranslateUi

